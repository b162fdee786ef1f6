package io.ltvengine.valuation;

/**
 * What judging a customer needs beyond their own state: the rhythm of their task's population and
 * the published model. Processors and queries each bring their own view of both.
 */
public record Judging(Population population, ModelSource models) {}
