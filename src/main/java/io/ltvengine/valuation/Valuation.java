package io.ltvengine.valuation;

import io.ltvengine.avro.AudienceChangeReason;
import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;
import io.ltvengine.avro.LtvModel;
import io.ltvengine.avro.Order;
import io.ltvengine.avro.state.AudienceMembership;
import io.ltvengine.avro.state.CohortDelta;
import io.ltvengine.avro.state.CustomerState;
import java.util.List;
import java.util.Optional;

/**
 * The engine's valuation core, plain Java: validates an order, applies it to the customer, judges
 * the customer and builds the records marketing tools read. Built once from the settings with the
 * engine's one clock, it serves the order processor, the churn punctuator and the queries alike;
 * each brings its own view of the stores as {@link Judging} and {@link CheckCalendar}.
 */
public final class Valuation {

  private final OrderValidator validator;
  private final RecentEvents recentEvents;
  private final Judge judge;
  private final OutputRecords records;
  private final EngineClock clock;

  private Valuation(
      OrderValidator validator, RecentEvents recentEvents, Judge judge, OutputRecords records, EngineClock clock) {
    this.validator = validator;
    this.recentEvents = recentEvents;
    this.judge = judge;
    this.records = records;
    this.clock = clock;
  }

  public static Valuation create(ValuationSettings settings, EngineClock clock) {
    OrderRules rules = settings.orders();
    return new Valuation(
        new OrderValidator(settings.currency(), rules),
        new RecentEvents(rules.dedupRetention().toMillis(), rules.dedupMaxEvents()),
        new Judge(
            new CustomerAssessor(settings.churn().rhythm(), settings.model().alert()),
            new ModelPredictions(settings.model(), settings.currency().minorPerMajor()),
            settings.churn().population()),
        new OutputRecords(settings.historical(), settings.currency()),
        clock);
  }

  public EngineClock clock() {
    return clock;
  }

  /** The reporting currency every output is in. */
  public CurrencyConverter currency() {
    return records.currency();
  }

  /** How a task's population rhythm is read from the gaps it has seen. */
  public PopulationDefaults populationDefaults() {
    return judge.populationDefaults();
  }

  /**
   * The order as facts in the reporting currency.
   *
   * @throws InvalidOrderException when it cannot be trusted, with the reason for the dead letter
   */
  public OrderFacts validate(String key, Order order, long recordTimestamp) {
    return validator.validate(key, order, recordTimestamp);
  }

  /** Applies a validated order to the customer's state, in place, and books their next check. */
  public OrderOutcome apply(OrderFacts order, CustomerState state, Judging judging, CheckCalendar calendar) {
    if (recentEvents.contains(state, order)) {
      return OrderOutcome.DUPLICATE;
    }
    recentEvents.remember(state, order);
    CohortDeltas.Before cohortBefore = CohortDeltas.Before.of(state, order);
    CustomerLedger.Change change = CustomerLedger.apply(state, order);
    if (change.newGapMillis() > 0) {
      judging.population().addGap(change.newGapMillis());
    }
    String customerId = order.customerId();
    long asOf = state.getLastEventAt();
    judge.rebook(customerId, state, judging, calendar, asOf);
    List<CohortDelta> cohortDeltas = CohortDeltas.between(cohortBefore, state, order);
    AudienceChangeReason reason = change.closedAlertId() == null ? AudienceChangeReason.ORDER : AudienceChangeReason.REACTIVATION;
    if (!CustomerLedger.hasPurchased(state)) {
      return new OrderOutcome(false, Optional.empty(), Optional.empty(), cohortDeltas,
          Audiences.move(customerId, state, null, asOf, reason));
    }
    Assessment assessment = judge.assess(state, asOf, judging);
    Optional<ChurnAlert> reactivation =
        Optional.ofNullable(change.closedAlertId())
            .map(alertId -> records.reactivated(alertId, customerId, state, assessment, asOf));
    CustomerLtv ltv = records.ltv(customerId, state, assessment, asOf);
    return new OrderOutcome(false, Optional.of(ltv), reactivation, cohortDeltas,
        Audiences.move(customerId, state, membership(ltv, judging), asOf, reason));
  }

  /**
   * The churn check of a customer whose booked check has come: alerts once if they are now
   * quiet, moves them to the risk tier their silence has reached, and books their next check.
   * Updates the state in place.
   */
  public CheckOutcome check(String customerId, CustomerState state, long now, Judging judging, CheckCalendar calendar) {
    state.setNextCheckAt(0L);
    if (judge.quietFrom(state, judging) > now) {
      judge.rebook(customerId, state, judging, calendar, now);
      CustomerLtv ltv = records.ltv(customerId, state, judge.assess(state, now, judging), now);
      AudienceMembership membership = membership(ltv, judging);
      // A check that finds them in the same audiences leaves their counted value as it was: most
      // checks are booked for a tier crossing, the others would only churn the outputs.
      if (Audiences.sameAudiences(state.getAudience(), membership)) {
        return CheckOutcome.NOTHING;
      }
      return new CheckOutcome(Optional.empty(), Optional.of(ltv),
          Audiences.move(customerId, state, membership, now, AudienceChangeReason.QUIET));
    }
    state.setOpenAlertId(OutputRecords.alertId(customerId, state.getLastPurchaseAt()));
    Assessment assessment = judge.assess(state, now, judging);
    CustomerLtv ltv = records.ltv(customerId, state, assessment, now);
    return new CheckOutcome(
        Optional.of(records.churnRisk(customerId, state, assessment, now)),
        Optional.of(ltv),
        Audiences.move(customerId, state, membership(ltv, judging), now, AudienceChangeReason.CHURN_ALERT));
  }

  /**
   * Counts a customer in the audiences their value now puts them in if no version with value
   * tiers has counted them yet (reason COUNTED), else moves them to the value tier the task's
   * ranking now gives the value they were counted with (RANKED); empty when neither applies.
   */
  public Optional<AudienceMove> rank(String customerId, CustomerState state, long now, Judging judging) {
    AudienceMembership counted = state.getAudience();
    if (!CustomerLedger.hasPurchased(state)) {
      return Optional.empty();
    }
    if (counted == null || counted.getValueTier() == null) {
      AudienceMembership membership = membership(viewAt(customerId, state, judging, now), judging);
      return Audiences.move(customerId, state, membership, now, AudienceChangeReason.COUNTED);
    }
    AudienceMembership reranked = Audiences.reranked(counted, judging.ranking().tierOf(counted.getValueMinor()));
    return Audiences.move(customerId, state, reranked, now, AudienceChangeReason.RANKED);
  }

  /**
   * Why a published parameter set cannot be used, if it cannot; one that fails is never used, and
   * the previous one stays in use.
   */
  public Optional<String> modelProblem(LtvModel model) {
    return judge.modelProblem(model);
  }

  /** The customer's value judged now, on the engine's clock, as the stream would judge them. */
  public CustomerLtv view(String customerId, CustomerState state, Judging judging) {
    return viewAt(customerId, state, judging, clock.now());
  }

  private AudienceMembership membership(CustomerLtv ltv, Judging judging) {
    return Audiences.membership(ltv, records.currency().minorPerMajor(), judging.ranking());
  }

  /** The customer's value judged at {@code now}. */
  public CustomerLtv viewAt(String customerId, CustomerState state, Judging judging, long now) {
    return records.ltv(customerId, state, judge.assess(state, now, judging), now);
  }
}
