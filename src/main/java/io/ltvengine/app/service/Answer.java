package io.ltvengine.app.service;

import java.util.List;

/**
 * An answer, and how complete and fresh it is.
 *
 * @param missingPartitions the partitions (topic-partition, e.g. orders-3) whose data the answer
 *     lacks, because the instance holding them could not be asked; empty for a whole answer
 * @param copy the copy of the state that answered: {@link #ACTIVE}, {@link #STANDBY} or {@link
 *     #RESTORING}
 * @param lagOffsets how far behind its changelog that copy was: 0 for the active copy
 */
public record Answer<T>(T value, List<String> missingPartitions, String copy, long lagOffsets) {

  public static final String ACTIVE = "active";
  public static final String STANDBY = "standby";
  public static final String RESTORING = "restoring";

  public static <T> Answer<T> whole(T value) {
    return new Answer<>(value, List.of(), ACTIVE, 0);
  }

  static <T> Answer<T> partial(T value, List<String> missingPartitions) {
    return new Answer<>(value, missingPartitions, ACTIVE, 0);
  }

  public boolean partial() {
    return !missingPartitions.isEmpty();
  }
}
