package io.ltvengine.app.service;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks every other instance for its part of an answer. An instance that cannot answer leaves its
 * partitions missing, and so do instances that advertise this one's own address (the default
 * {@code localhost} on several machines): the answer says it is partial instead of silently
 * counting fewer customers.
 */
final class PeerFanOut {

  private final KafkaStreams streams;
  private final LocalStores stores;
  private final HostInfo self;
  private final PeerClient peers;

  PeerFanOut(KafkaStreams streams, LocalStores stores, HostInfo self, PeerClient peers) {
    this.streams = streams;
    this.stores = stores;
    this.self = self;
    this.peers = peers;
  }

  /**
   * Every other instance's answer to {@code path}; the partitions of {@code topic} no instance
   * could answer for are added to {@code missing}.
   */
  <T> List<T> ask(String path, TypeReference<T> type, String topic, List<String> missing) {
    Map<HostInfo, List<TopicPartition>> others = new LinkedHashMap<>();
    List<TopicPartition> unreachable = new ArrayList<>();
    Set<TopicPartition> local = stores.topicPartitions();
    for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
      if (client.hostInfo().equals(self)) {
        client.topicPartitions().stream().filter(p -> !local.contains(p)).forEach(unreachable::add);
      } else {
        others.computeIfAbsent(client.hostInfo(), host -> new ArrayList<>()).addAll(client.topicPartitions());
      }
    }
    List<T> answers = new ArrayList<>();
    others.forEach((host, partitions) -> {
      try {
        answers.add(peers.get(host, path, type));
      } catch (QueryException e) {
        if (e.status() != 503) {
          throw e;
        }
        unreachable.addAll(partitions);
      }
    });
    unreachable.stream().filter(p -> p.topic().equals(topic)).map(TopicPartition::toString).sorted().forEach(missing::add);
    return answers;
  }
}
