/**
 * Statistics of the LTV engine: buy-till-you-die purchase models ({@link io.ltvengine.model.BgNbd},
 * {@link io.ltvengine.model.ModifiedBgNbd}, {@link io.ltvengine.model.ParetoNbd}), the {@link
 * io.ltvengine.model.GammaGamma} spend model, the contractual {@link
 * io.ltvengine.model.ShiftedBetaGeometric} model and {@link io.ltvengine.model.Clv}. Plain Java on
 * Hipparchus; nothing here knows about Kafka.
 *
 * <p>Conventions: a customer is a {@link io.ltvengine.model.CustomerHistory} (x, tx, T) in one
 * {@link io.ltvengine.model.TimeUnit}, and fitted rates (alpha, beta) are per that unit; the CDNOW
 * literature uses weeks. Fits maximise the likelihood over log-parameters. The streaming app
 * rebuilds models from a {@link io.ltvengine.model.FittedModel} and scores customers per order with
 * a {@link io.ltvengine.model.Predictor}.
 */
package io.ltvengine.model;
