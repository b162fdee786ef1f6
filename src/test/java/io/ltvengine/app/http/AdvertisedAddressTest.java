package io.ltvengine.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedAddressTest {

  @Test
  void shouldSayThatOtherInstancesCannotReachALoopbackAddress() {
    assertThat(AdvertisedAddress.problem(new HostInfo("localhost", 8080))).get().asString()
        .contains("http.advertised.host localhost is a loopback address");
    assertThat(AdvertisedAddress.problem(new HostInfo("127.0.0.1", 8080))).isPresent();
  }

  @Test
  void shouldAcceptAnAddressOtherInstancesCanReach() {
    assertThat(AdvertisedAddress.problem(new HostInfo("10.1.2.3", 8080))).isEmpty();
  }
}
