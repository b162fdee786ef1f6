package io.ltvengine.valuation;

/** How silence is judged where no model can, and the rhythm one-time buyers are judged by. */
public record ChurnRules(RhythmPolicy rhythm, PopulationDefaults population) {}
