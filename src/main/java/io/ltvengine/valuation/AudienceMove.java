package io.ltvengine.valuation;

import io.ltvengine.avro.AudienceChange;
import io.ltvengine.avro.state.AudienceMembership;
import java.util.List;

/**
 * A customer moved between audiences, or their value within one changed: the membership they
 * were counted in before (null if none), the one they are counted in now (null once no purchase
 * is left), and the JOINED and LEFT events for the audiences they entered or left.
 */
public record AudienceMove(
    String customerId, AudienceMembership before, AudienceMembership after, List<AudienceChange> changes) {}
