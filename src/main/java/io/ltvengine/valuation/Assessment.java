package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnRiskTier;
import io.ltvengine.avro.LifecycleSegment;

/**
 * How a customer stands at one moment: their rhythm, how long they have been quiet, and the risk
 * tier and lifecycle segment that follow.
 *
 * @param prediction the model's view, or null while no model is published
 */
public record Assessment(
    PurchaseRhythm rhythm,
    double expectedGapDays,
    double quietAfterDays,
    double tenureDays,
    double recencyDays,
    ChurnRiskTier tier,
    LifecycleSegment segment,
    Prediction prediction) {}
