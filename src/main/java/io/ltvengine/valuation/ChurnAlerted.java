package io.ltvengine.valuation;

import io.ltvengine.avro.ChurnAlert;
import io.ltvengine.avro.CustomerLtv;

/** A customer found quiet: the alert of their quiet episode and their value as it now stands. */
public record ChurnAlerted(ChurnAlert alert, CustomerLtv ltv) {}
