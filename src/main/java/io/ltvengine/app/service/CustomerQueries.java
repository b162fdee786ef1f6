package io.ltvengine.app.service;

import java.util.List;
import java.util.Map;

/**
 * What the HTTP API asks of the engine's state. Every method either answers or throws a
 * {@link QueryException}; {@code localOnly} variants answer from this instance's stores alone and
 * serve the fan-out of the instance that received the request. An answer over every instance
 * that could not ask one of them says which partitions it lacks, rather than failing or
 * silently counting fewer customers.
 */
public interface CustomerQueries {

  /**
   * The customer's value now as a plain map, answered by whichever instance owns them, or, when
   * the owner cannot answer, by a standby or restoring copy within the lag bound. {@code
   * anyLocalCopy} (with {@code localOnly}) lets this instance answer from such a copy of its own.
   */
  Answer<Map<String, Object>> customer(String customerId, boolean localOnly, boolean anyLocalCopy);

  /** Customers matching the filter, in id order, one page; across all instances unless local. */
  Answer<CustomerPage> customers(CustomerFilter filter, boolean localOnly);

  /** Counts and value per segment, risk tier, value tier and RFM score over all customers. */
  Answer<SegmentReport> segments();

  /** This instance's part of {@link #segments()}: its count cells and sketches. */
  LocalSegments localSegments();

  /** Customers, net revenue and value per segment, risk tier and value tier, from the counts every instance keeps. */
  Answer<AudienceCounts> audiences();

  /** The segment count cells of this instance's partitions. */
  List<AudienceCounts.Cell> localAudienceCells();

  /** The cohort table with its LTV curves and retention, from the cohort store of every instance. */
  Answer<CohortReport> cohorts();

  /** The cells of the cohort table held by this instance. */
  List<CohortCellView> localCohortCells();

  /** Whether the engine is alive and ready, and what is wrong if it is not. */
  EngineHealth.Verdict health();
}
