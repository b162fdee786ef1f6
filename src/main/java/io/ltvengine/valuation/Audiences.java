package io.ltvengine.valuation;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.AudienceChangeReason;
import io.ltvengine.avro.AudienceChangeType;
import io.ltvengine.avro.AudienceDimension;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CustomerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which audiences a customer is counted in: their lifecycle segment, churn-risk tier and value
 * tier as last judged, kept in their state so that each move is told once, as LEFT then JOINED.
 */
final class Audiences {

  private Audiences() {}

  /** The audiences and value the customer's LTV record puts them in. */
  static AudienceMembership membership(CustomerLtv ltv, long minorPerMajor, ValueRanking ranking) {
    long valueMinor = valueMinor(ltv, minorPerMajor);
    return new AudienceMembership(
        ltv.getSegment().name(),
        ltv.getChurnRiskTier().name(),
        ltv.getNetRevenueMinor(),
        ranking.tierOf(valueMinor).label(),
        valueMinor);
  }

  /** Predicted CLV while a model is published, else the historical LTV. */
  static long valueMinor(CustomerLtv ltv, long minorPerMajor) {
    double value = ltv.getPredictedClv() != null ? ltv.getPredictedClv() : ltv.getHistoricalLtv();
    return Double.isFinite(value) ? Math.round(value * minorPerMajor) : 0;
  }

  /** Whether both count the customer in the same segment, risk tier and value tier. */
  static boolean sameAudiences(AudienceMembership a, AudienceMembership b) {
    return a != null && b != null
        && a.getSegment().equals(b.getSegment())
        && a.getRiskTier().equals(b.getRiskTier())
        && Objects.equals(a.getValueTier(), b.getValueTier());
  }

  /** The same customer ranked in another value tier. */
  static AudienceMembership reranked(AudienceMembership counted, ValueTier tier) {
    return AudienceMembership.newBuilder(counted).setValueTier(tier.label()).build();
  }

  /**
   * Moves the customer to the audiences of {@code after} (none when it is null), in place; empty
   * when neither their audiences nor their counted value changed.
   */
  static Optional<AudienceMove> move(
      String customerId, CustomerState state, AudienceMembership after, long at, AudienceChangeReason reason) {
    AudienceMembership before = state.getAudience();
    if (Objects.equals(before, after)) {
      return Optional.empty();
    }
    state.setAudience(after);
    List<AudienceChange> changes = new ArrayList<>(6);
    Change change = new Change(customerId, at, reason, before, after);
    change.along(AudienceDimension.SEGMENT, AudienceMembership::getSegment, changes);
    change.along(AudienceDimension.RISK_TIER, AudienceMembership::getRiskTier, changes);
    change.along(AudienceDimension.VALUE_TIER, AudienceMembership::getValueTier, changes);
    return Optional.of(new AudienceMove(customerId, before, after, changes));
  }

  /** The events of one move. */
  private record Change(
      String customerId, long at, AudienceChangeReason reason, AudienceMembership before, AudienceMembership after) {

    void along(AudienceDimension dimension, Function<AudienceMembership, String> audience, List<AudienceChange> changes) {
      String left = before == null ? null : audience.apply(before);
      String joined = after == null ? null : audience.apply(after);
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
