package io.ltvengine.app.bench;

import io.ltvengine.streams.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * On-disk size of the engine's stores after Kafka Streams closed them. Closing flushes every
 * memtable, so the SST files then hold all the state: their size is the state's size.
 */
final class StateFootprint {

  /** The stores that grow with the number of customers (the cohort table grows with cohort cells). */
  private static final Set<String> PER_CUSTOMER_STORES =
      Set.of(StoreNames.CUSTOMER_STATE, StoreNames.CHURN_INDEX, StoreNames.POPULATION_RHYTHM);

  /** SST bytes of the per-customer stores and of all stores. */
  record Bytes(long perCustomerStores, long allStores) {}

  private StateFootprint() {}

  static Bytes measure(Path applicationStateDir) {
    try (Stream<Path> files = Files.walk(applicationStateDir)) {
      long perCustomer = 0;
      long all = 0;
      for (Path sst : files.filter(f -> f.toString().endsWith(".sst")).toList()) {
        long size = Files.size(sst);
        all += size;
        if (isPerCustomerStore(applicationStateDir.relativize(sst))) {
          perCustomer += size;
        }
      }
      return new Bytes(perCustomer, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paths look like {@code 0_1/rocksdb/customer-state/000012.sst}. */
  private static boolean isPerCustomerStore(Path relative) {
    for (Path part : relative) {
      if (PER_CUSTOMER_STORES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
