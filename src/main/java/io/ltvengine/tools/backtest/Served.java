package io.ltvengine.tools.backtest;

import io.ltvengine.avro.CustomerLtv;

/** What the engine serves for one customer at the calibration end: the LTV record, and whether it holds an open alert. */
record Served(CustomerLtv ltv, boolean alerted) {}
