package io.ltvengine.valuation;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.AudienceChangeReason;
import io.ltvengine.avro.AudienceChangeType;
import io.ltvengine.avro.AudienceDimension;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audiences a customer is counted in: their lifecycle segment and churn-risk tier as last
 * judged, kept in their state so that each move is told once, as LEFT then JOINED.
 */
final class Audiences {

  private Audiences() {}

  /**
   * Moves the customer to the audiences of {@code assessment} (none when it is null), in place;
   * empty when neither their audiences nor their counted value changed.
   */
  static Optional<AudienceMove> move(
      String customerId, CustomerState state, Assessment assessment, long at, AudienceChangeReason reason) {
    AudienceMembership before = state.getAudience();
    AudienceMembership after = assessment == null ? null : new AudienceMembership(
        assessment.segment().name(), assessment.tier().name(), CustomerLedger.netRevenueMinor(state));
    if (Objects.equals(before, after)) {
      return Optional.empty();
    }
    state.setAudience(after);
    List<AudienceChange> changes = new ArrayList<>(4);
    Change change = new Change(customerId, at, reason);
    change.between(AudienceDimension.SEGMENT, segment(before), segment(after), changes);
    change.between(AudienceDimension.RISK_TIER, risk(before), risk(after), changes);
    return Optional.of(new AudienceMove(customerId, before, after, changes));
  }

  private static String segment(AudienceMembership membership) {
    return membership == null ? null : membership.getSegment();
  }

  private static String risk(AudienceMembership membership) {
    return membership == null ? null : membership.getRiskTier();
  }

  /** The events of one move. */
  private record Change(String customerId, long at, AudienceChangeReason reason) {

    void between(AudienceDimension dimension, String left, String joined, List<AudienceChange> changes) {
      if (Objects.equals(left, joined)) {
        return;
      }
      if (left != null) {
        changes.add(event(dimension, left, AudienceChangeType.LEFT));
      }
      if (joined != null) {
        changes.add(event(dimension, joined, AudienceChangeType.JOINED));
      }
    }

    private AudienceChange event(AudienceDimension dimension, String audience, AudienceChangeType type) {
      return AudienceChange.newBuilder()
          .setCustomerId(customerId)
          .setDimension(dimension)
          .setAudience(audience)
          .setChange(type)
          .setAt(Instant.ofEpochMilli(at))
          .setReason(reason)
          .build();
    }
  }
}
