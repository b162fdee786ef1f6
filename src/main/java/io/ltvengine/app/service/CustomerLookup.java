package io.ltvengine.app.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ltvengine.avro.state.CustomerState;
import io.ltvengine.config.LtvConfig;
import io.ltvengine.streams.StoreNames;
import io.ltvengine.valuation.CustomerLedger;
import io.ltvengine.valuation.Judging;
import io.ltvengine.valuation.Valuation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One customer, from the instance that owns them; while the owner cannot answer (it restores,
 * rebalances or is gone), from a copy no further behind than the lag bound: this instance's
 * restoring one, or a standby here or elsewhere. The answer says which copy and how far behind.
 */
final class CustomerLookup {

  private static final TypeReference<Map<String, Object>> CUSTOMER = new TypeReference<>() {};
  private static final Duration HANDOVER_WAIT = Duration.ofSeconds(3);
  private static final Duration HANDOVER_POLL = Duration.ofMillis(100);

  private final KafkaStreams streams;
  private final LocalStores stores;
  private final CustomerQueryService.Placement placement;
  private final Valuation valuation;
  private final PeerClient peers;

  CustomerLookup(
      KafkaStreams streams, LocalStores stores, CustomerQueryService.Placement placement, Valuation valuation,
      PeerClient peers) {
    this.streams = streams;
    this.stores = stores;
    this.placement = placement;
    this.valuation = valuation;
    this.peers = peers;
  }

  /**
   * When a partition changes hands, there is a moment in which no copy of it can be read: the
   * standby has closed and the active task not yet opened. A request that meets it waits for the
   * handover, up to {@link #HANDOVER_WAIT}, rather than failing.
   */
  Answer<Map<String, Object>> customer(String customerId, boolean localOnly, boolean anyLocalCopy) {
    long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
    while (true) {
      try {
        return once(customerId, localOnly, anyLocalCopy);
      } catch (QueryException e) {
        if (e.status() != 503 || localOnly || System.nanoTime() > deadline) {
          throw e;
        }
        pause();
      }
    }
  }

  private Answer<Map<String, Object>> once(String customerId, boolean localOnly, boolean anyLocalCopy) {
    requireServing();
    KeyQueryMetadata owner =
        streams.queryMetadataForKey(StoreNames.CUSTOMER_STATE, customerId, Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw QueryException.unavailable("The owner of customer " + customerId + " is not known yet; try again shortly");
    }
    if (localOnly) {
      return anyLocalCopy ? fromLocalCopy(customerId, owner.partition()) : fromActive(customerId, owner.partition());
    }
    boolean ownedHere = owner.activeHost().equals(placement.self());
    try {
      return ownedHere
          ? fromActive(customerId, owner.partition())
          : peers.answer(owner.activeHost(), path(customerId, false), CUSTOMER);
    } catch (QueryException unavailable) {
      if (unavailable.status() != 503) {
        throw unavailable;
      }
      return fromAnotherCopy(customerId, owner, ownedHere, unavailable);
    }
  }

  private Answer<Map<String, Object>> fromAnotherCopy(
      String customerId, KeyQueryMetadata owner, boolean ownedHere, QueryException ownerFailure) {
    List<HostInfo> copies = new ArrayList<>(owner.standbyHosts());
    if (ownedHere) {
      copies.add(0, placement.self());
    }
    List<String> reasons = new ArrayList<>(List.of(ownerFailure.getMessage()));
    for (HostInfo copy : copies) {
      try {
        return copy.equals(placement.self())
            ? fromLocalCopy(customerId, owner.partition())
            : peers.answer(copy, path(customerId, true), CUSTOMER);
      } catch (QueryException e) {
        if (e.status() != 503) {
          throw e;
        }
        reasons.add(e.getMessage());
      }
    }
    throw QueryException.unavailable("No copy of customer " + customerId + " within " + placement.maxLagOffsets()
        + " offsets can answer (" + String.join("; ", reasons) + "); try again shortly");
  }

  private static String path(String customerId, boolean anyCopy) {
    return "/api/customers/" + PathSegment.encode(customerId) + "?local=true" + (anyCopy ? "&stale=true" : "");
  }

  /** The customer from this instance's active copy, which must be running. */
  private Answer<Map<String, Object>> fromActive(String customerId, int partition) {
    if (!stores.partitions().contains(partition)) {
      throw QueryException.unavailable("Customer " + customerId + " moved during a rebalance");
    }
    CustomerState state = LocalStores.guarded(() -> stores.customers(partition).get(customerId));
    return Answer.whole(view(customerId, state, stores.judging(partition, false)));
  }

  /** The customer from any copy here, active, restoring or standby, if it is within the lag bound. */
  private Answer<Map<String, Object>> fromLocalCopy(String customerId, int partition) {
    LagInfo lag = streams.allLocalStorePartitionLags().getOrDefault(StoreNames.CUSTOMER_STATE, Map.of()).get(partition);
    if (lag == null) {
      throw QueryException.unavailable("No copy of partition " + partition + " on " + placement.self());
    }
    if (lag.offsetLag() > placement.maxLagOffsets()) {
      throw QueryException.unavailable("The copy on " + placement.self() + " is " + lag.offsetLag()
          + " offsets behind, more than " + LtvConfig.QUERY_MAX_LAG_OFFSETS + " (" + placement.maxLagOffsets() + ")");
    }
    CustomerState state = LocalStores.guarded(
        () -> stores.<CustomerState>anyCopy(StoreNames.CUSTOMER_STATE, partition).get(customerId));
    String copy = !stores.partitions().contains(partition) ? Answer.STANDBY
        : lag.offsetLag() == 0 ? Answer.ACTIVE : Answer.RESTORING;
    return new Answer<>(view(customerId, state, stores.judging(partition, true)), List.of(), copy, lag.offsetLag());
  }

  private Map<String, Object> view(String customerId, CustomerState state, Judging judging) {
    if (state == null || !CustomerLedger.hasPurchased(state)) {
      throw QueryException.notFound("No customer " + customerId);
    }
    return AvroJson.toMap(LocalStores.guarded(() -> valuation.view(customerId, state, judging)));
  }

  /**
   * A single customer can be answered while Kafka Streams rebalances, from whichever copy is
   * within the lag bound; only a stopped or failed engine cannot.
   */
  private void requireServing() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      throw QueryException.unavailable("The engine is not serving (" + state + "); try again shortly");
    }
  }

  private static void pause() {
    try {
      Thread.sleep(HANDOVER_POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw QueryException.unavailable("Interrupted while waiting for a partition's handover", e);
    }
  }
}
