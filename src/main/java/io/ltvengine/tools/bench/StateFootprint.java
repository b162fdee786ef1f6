package io.ltvengine.tools.bench;

import io.ltvengine.streams.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * On-disk size of the engine's stores after Kafka Streams closed them. Closing flushes every
 * memtable, but the files may still hold several versions of a customer until RocksDB compacts
 * them; so each store is compacted first, with the engine's compression, and the SST files then
 * hold exactly the live state.
 */
final class StateFootprint {

  /** The stores that grow with the number of customers (the cohort table grows with cohort cells). */
  private static final Set<String> PER_CUSTOMER_STORES =
      Set.of(StoreNames.CUSTOMER_STATE, StoreNames.CHURN_INDEX, StoreNames.POPULATION_RHYTHM);

  /** SST bytes of the per-customer stores and of all stores. */
  record Bytes(long perCustomerStores, long allStores) {}

  private StateFootprint() {}

  static Bytes measure(Path applicationStateDir) {
    compactAll(applicationStateDir);
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

  private static void compactAll(Path applicationStateDir) {
    try (Stream<Path> files = Files.walk(applicationStateDir)) {
      for (Path current : files.filter(f -> f.getFileName().toString().equals("CURRENT")).toList()) {
        compact(current.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a closed store with every column family it has and compacts each of them fully. */
  private static void compact(Path store) {
    RocksDB.loadLibrary();
    try (Options options = new Options().setCompressionType(CompressionType.LZ4_COMPRESSION);
        DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> families = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, store.toString())) {
        families.add(new ColumnFamilyDescriptor(
            name, new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION)));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.open(dbOptions, store.toString(), families, handles)) {
        for (ColumnFamilyHandle handle : handles) {
          db.compactRange(handle);
        }
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
        families.forEach(family -> family.getOptions().close());
      }
    } catch (RocksDBException e) {
      throw new IllegalStateException("Cannot compact " + store, e);
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
