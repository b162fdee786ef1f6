package io.ltvengine.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An operator who got an address wrong hears which one, at once, and never sees a credential. */
class StartupFaultIT {

  @RegisterExtension
  final FaultCluster cluster = new FaultCluster();

  @Test
  void shouldNameAnUnreachableBrokerAndStop() {
    CliRun run = CliRun.of("run", "--bootstrap-servers", "127.0.0.1:1",
        "--schema-registry-url", cluster.registryUrl(), "--http-port", "0");

    assertThat(run.exitCode()).as("exit code of run against no broker").isEqualTo(1);
    assertThat(run.err()).contains("No Kafka broker answered at 127.0.0.1:1");
  }

  @Test
  void shouldNameAnUnreachableRegistryWithoutItsCredentialsAndStop() {
    CliRun run = CliRun.of("run", "--bootstrap-servers", cluster.bootstrapServers(),
        "--schema-registry-url", "http://svc:s3cr3t@127.0.0.1:1", "--http-port", "0",
        "--set", "http.connect.timeout.ms=2000");

    assertThat(run.exitCode()).as("exit code of run against no registry").isEqualTo(1);
    assertThat(run.err()).contains("The Schema Registry did not answer at [http://127.0.0.1:1]")
        .doesNotContain("s3cr3t");
  }
}
