package io.ltvengine.registry;

import java.util.Map;

/** Creates the client a config asks for: {@code mock://scope} or a list of http(s) URLs. */
public final class SchemaRegistryClients {

  private static final String MOCK_PREFIX = "mock://";

  private SchemaRegistryClients() {}

  /**
   * A {@link MockSchemaRegistry} shared by scope when {@code schema.registry.url} is
   * {@code mock://scope}, otherwise a {@link RestSchemaRegistryClient}.
   */
  public static SchemaRegistryClient create(Map<String, ?> config) {
    Object url = config.get(RegistryClientConfig.URL);
    if (url == null) {
      throw new IllegalArgumentException("Missing " + RegistryClientConfig.URL);
    }
    String trimmed = String.valueOf(url).trim();
    if (trimmed.startsWith(MOCK_PREFIX)) {
      return MockSchemaRegistry.forScope(trimmed.substring(MOCK_PREFIX.length()));
    }
    return new RestSchemaRegistryClient(RegistryClientConfig.from(config));
  }
}
