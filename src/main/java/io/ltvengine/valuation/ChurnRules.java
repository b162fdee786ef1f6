package io.ltvengine.valuation;

import io.ltvengine.valuation.CustomerAssessor.RiskThresholds;

/** How silence and P(alive) are judged, and the rhythm one-time buyers are judged by. */
public record ChurnRules(RhythmPolicy rhythm, RiskThresholds risk, PopulationDefaults population) {}
