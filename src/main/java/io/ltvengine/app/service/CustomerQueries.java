package io.ltvengine.app.service;

import java.util.List;
import java.util.Map;

/**
 * What the HTTP API asks of the engine's state. Every method either answers or throws a
 * {@link QueryException}; {@code localOnly} variants answer from this instance's stores alone and
 * serve the fan-out of the instance that received the request.
 */
public interface CustomerQueries {

  /** The customer's value now as a plain map, answered by whichever instance owns them. */
  Map<String, Object> customer(String customerId, boolean localOnly);

  /** Customers matching the filter, in id order, one page; across all instances unless local. */
  CustomerPage customers(CustomerFilter filter, boolean localOnly);

  /** Counts and value per segment, risk tier, RFM score and value tier over all customers. */
  SegmentReport segments();

  /** One summary per customer of this instance: the input of {@link #segments()}. */
  List<CustomerSummary> localSummaries();

  /** Customers and net revenue per segment and risk tier, from the counts every instance keeps. */
  AudienceCounts audiences();

  /** The segment count cells of this instance's partitions. */
  List<AudienceCounts.Cell> localAudienceCells();

  /** The cohort table with its LTV curves and retention, from the cohort store of every instance. */
  CohortReport cohorts();

  /** The cells of the cohort table held by this instance. */
  List<CohortCellView> localCohortCells();

  /** Whether the engine is alive and ready, and what is wrong if it is not. */
  EngineHealth.Verdict health();
}
