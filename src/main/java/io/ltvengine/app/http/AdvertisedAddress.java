package io.ltvengine.app.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Whether other instances can reach this one's API at its advertised address. One that is
 * loopback or does not resolve is said at start: with more than one instance, every answer that
 * needs this one's partitions then says it is partial.
 */
final class AdvertisedAddress {

  private AdvertisedAddress() {}

  static Optional<String> problem(HostInfo advertised) {
    String host = advertised.host();
    try {
      if (InetAddress.getByName(host).isLoopbackAddress()) {
        return Optional.of("http.advertised.host " + host + " is a loopback address, which other instances cannot "
            + "reach: if more than one instance runs, set it to the name they reach this one by, or answers that "
            + "need this instance's partitions say \"partial\"");
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("http.advertised.host " + host + " does not resolve here: other instances cannot forward "
          + "to this one, and answers that need its partitions say \"partial\"");
    }
  }
}
