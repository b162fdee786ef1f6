package io.ltvengine.model.data;

import java.time.LocalDate;

/** One purchase: who, on which day, for how much. */
public record Transaction(String customerId, LocalDate date, double amount) {}
