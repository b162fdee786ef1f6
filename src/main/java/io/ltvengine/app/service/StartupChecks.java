package io.ltvengine.app.service;

import io.ltvengine.registry.RegistryClientConfig;
import io.ltvengine.registry.SchemaRegistryClients;
import io.ltvengine.registry.SchemaRegistryException;
import io.ltvengine.registry.SchemaRegistryUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Before the engine starts: is the broker there, and the registry? An operator who got an address
 * wrong hears it within 30 s, with the address, instead of a minute of silence and a stack trace.
 * Nothing printed carries a credential.
 */
public final class StartupChecks {

  static final Duration TIMEOUT = Duration.ofSeconds(25);

  private StartupChecks() {}

  public static void requireReachable(Properties properties, Map<String, ?> config) throws InterruptedException {
    requireBroker(properties);
    requireRegistry(config);
  }

  private static void requireBroker(Properties properties) throws InterruptedException {
    String servers = properties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    try (Admin admin = Admin.create(TopicProvisioner.adminProperties(properties))) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId().get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("No Kafka broker answered at " + servers + " within " + TIMEOUT.toSeconds()
          + " s (bootstrap.servers): " + rootMessage(e));
    }
  }

  /** Any answer will do, a missing subject too: only an unreachable registry stops the start. */
  private static void requireRegistry(Map<String, ?> config) {
    try {
      SchemaRegistryClients.create(config).getLatestSchemaMetadata("ltv-engine-startup-check");
    } catch (SchemaRegistryUnavailableException e) {
      throw new IllegalStateException("The Schema Registry did not answer at " + describe(config) + ": " + e.getMessage());
    } catch (SchemaRegistryException answered) {
      // It answered.
    }
  }

  private static String describe(Map<String, ?> config) {
    String url = String.valueOf(config.get(RegistryClientConfig.URL));
    return url.startsWith("mock://") ? url : RegistryClientConfig.from(config).urls().toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
