package io.ltvengine.streams.stores;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChurnIndexTest {

  private ChurnIndex index;

  @BeforeEach
  void createIndex() {
    KeyValueStore<Bytes, byte[]> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("churn-index"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    index = new ChurnIndex(store);
  }

  @Test
  void shouldReturnOnlyCustomersDueByNowEarliestFirst() {
    index.book(300, "late");
    index.book(100, "b");
    index.book(100, "a");
    index.book(200, "c");

    assertThat(index.due(200, 10))
        .containsExactly(
            new ChurnIndex.Due(100, "a"), new ChurnIndex.Due(100, "b"), new ChurnIndex.Due(200, "c"));
  }

  @Test
  void shouldStopAtTheLimit() {
    for (int i = 0; i < 100; i++) {
      index.book(i, "customer-" + i);
    }

    List<ChurnIndex.Due> due = index.due(1_000, 10);

    assertThat(due).hasSize(10);
    assertThat(due.get(9).checkAt()).isEqualTo(9);
  }

  @Test
  void shouldForgetACancelledCheck() {
    index.book(100, "a");

    index.cancel(100, "a");

    assertThat(index.due(1_000, 10)).isEmpty();
  }

  @Test
  void shouldOrderTimesBeyondOneByteCorrectly() {
    index.book(1_700_000_000_000L, "x");
    index.book(255, "y");
    index.book(256, "z");

    assertThat(index.due(Long.MAX_VALUE - 1, 10))
        .extracting(ChurnIndex.Due::customerId)
        .containsExactly("y", "z", "x");
  }
}
