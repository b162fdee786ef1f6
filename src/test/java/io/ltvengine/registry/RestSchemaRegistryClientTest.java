package io.ltvengine.registry;

import static io.ltvengine.registry.MockSchemaRegistryTest.assertRegistryError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ltvengine.avro.Order;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  private static final Schema V1 = SchemaBuilder.record("Customer").fields()
      .requiredString("id").endRecord();
  private static final Schema V2 = SchemaBuilder.record("Customer").fields()
      .requiredString("id").requiredString("tier").endRecord();

  private final SchemaRegistryRestFixture fixture = new SchemaRegistryRestFixture().start();

  @AfterEach
  void stopFixture() {
    fixture.close();
  }

  @Test
  void shouldRegisterLookUpAndFetchLatestVersion() {
    // Given
    RestSchemaRegistryClient client = client(fixture.url());

    // When
    int id = client.register("orders-value", Order.getClassSchema());

    // Then
    assertThat(id).isEqualTo(fixture.registry().getId("orders-value", Order.getClassSchema()));
    assertThat(client(fixture.url()).getId("orders-value", Order.getClassSchema())).isEqualTo(id);
    assertThat(client(fixture.url()).getSchemaById(id)).isEqualTo(Order.getClassSchema());
    assertThat(client.getLatestSchemaMetadata("orders-value"))
        .isEqualTo(new SchemaMetadata("orders-value", id, 1, Order.getClassSchema()));
  }

  @Test
  void shouldRegisterTheSchemaTextConfluentRegisters() {
    // When
    client(fixture.url()).register("orders-value", Order.getClassSchema());

    // Then the registry holds Schema.toString(), Java string properties included
    String stored = fixture.registry().getLatestSchemaMetadata("orders-value").schema().toString();
    assertThat(stored).isEqualTo(Order.getClassSchema().toString()).contains("avro.java.string");
  }

  @Test
  void shouldAskRegistryForCompatibility() {
    // Given
    RestSchemaRegistryClient client = client(fixture.url());
    client.register("customers-value", V1);

    // When / Then
    assertThat(client.testCompatibility("customers-value", V1)).isTrue();
    assertThat(client.testCompatibility("customers-value", V2)).isFalse();
  }

  @Test
  void shouldAnswerRepeatedQueriesFromCacheWithoutHttpCalls() {
    // Given
    int id = fixture.registry().register("orders-value", Order.getClassSchema());
    RestSchemaRegistryClient client = client(fixture.url());
    client.getSchemaById(id);
    client.getId("orders-value", Order.getClassSchema());
    int before = fixture.requestCount();

    // When, registering included: the registry would answer with the id looked up
    client.getSchemaById(id);
    client.getId("orders-value", Order.getClassSchema());
    client.register("orders-value", Order.getClassSchema());

    // Then
    assertThat(before).isEqualTo(2);
    assertThat(fixture.requestCount()).isEqualTo(before);
  }

  @Test
  void shouldMapRegistryErrorBodiesToErrorCodes() {
    // Given
    RestSchemaRegistryClient client = client(fixture.url());
    client.register("customers-value", V1);

    // When / Then
    assertRegistryError(() -> client.getSchemaById(77), 404, 40403);
    assertRegistryError(() -> client.getLatestSchemaMetadata("nope-value"), 404, 40401);
    assertRegistryError(() -> client.getId("customers-value", Tiny.SCHEMA$), 404, 40403);
    assertRegistryError(() -> client.register("customers-value", V2), 409, 409);
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() {
    try (SchemaRegistryRestFixture secured = securedFixture()) {
      Map<String, Object> config = config(secured.url());
      config.put("basic.auth.credentials.source", "USER_INFO");
      config.put("basic.auth.user.info", "app:s3cret");

      assertThat(new RestSchemaRegistryClient(config).register("s", V1)).isEqualTo(1);
    }
  }

  @Test
  void shouldSendBasicAuthFromUserInfoInUrl() {
    try (SchemaRegistryRestFixture secured = securedFixture()) {
      Map<String, Object> config = config(secured.url().replace("://", "://app:s3cret@"));
      config.put("basic.auth.credentials.source", "URL");

      assertThat(new RestSchemaRegistryClient(config).register("s", V1)).isEqualTo(1);
    }
  }

  @Test
  void shouldFailWith401OnWrongCredentials() {
    try (SchemaRegistryRestFixture secured = securedFixture()) {
      Map<String, Object> config = config(secured.url());
      config.put("basic.auth.credentials.source", "USER_INFO");
      config.put("basic.auth.user.info", "app:wrong");

      assertRegistryError(() -> new RestSchemaRegistryClient(config).register("s", V1), 401, 401);
    }
  }

  @Test
  void shouldNeverShowCredentialsInToString() {
    Map<String, Object> config = config("http://app:s3cret@registry:8081,http://other:8081");
    config.put("basic.auth.credentials.source", "URL");
    config.put("schema.registry.ssl.truststore.password", "trustpass");

    String text = new RestSchemaRegistryClient(config).toString();

    assertThat(text).doesNotContain("s3cret").doesNotContain("trustpass")
        .contains("registry:8081", "other:8081", "app:[hidden]");
  }

  @Test
  void shouldFailOverToNextUrlWhenFirstIsUnreachable() {
    // Given a first URL nobody listens on
    SchemaRegistryRestFixture gone = new SchemaRegistryRestFixture().start();
    String deadUrl = gone.url();
    gone.close();
    RestSchemaRegistryClient client = client(deadUrl + "," + fixture.url());

    // When
    int id = client.register("s", V1);

    // Then
    assertThat(fixture.registry().getSchemaById(id)).isEqualTo(V1);
  }

  @Test
  void shouldReportUnavailableWhenNoUrlAnswers() {
    // Given
    String url = fixture.url();
    fixture.close();

    // When / Then
    assertThatThrownBy(() -> client(url).getSchemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining(url);
  }

  @Test
  void shouldReportServerErrorsAsUnavailable() {
    // Given
    fixture.failWith(500);

    // When / Then
    assertThatThrownBy(() -> client(fixture.url()).getSchemaById(1))
        .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(500));
  }

  private SchemaRegistryRestFixture securedFixture() {
    return new SchemaRegistryRestFixture().withBasicAuth("app", "s3cret").start();
  }

  private static RestSchemaRegistryClient client(String urls) {
    return new RestSchemaRegistryClient(config(urls));
  }

  private static Map<String, Object> config(String urls) {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", urls);
    return config;
  }

  @Test
  void shouldResolveSchemaReferencesWhenReadingAWriterSchema() throws Exception {
    // Given a writer schema whose field type lives in another subject, which refers to a third
    String tier = "{\"type\":\"enum\",\"name\":\"Tier\",\"namespace\":\"shop\",\"symbols\":[\"A\",\"B\"]}";
    String line = "{\"type\":\"record\",\"name\":\"Line\",\"namespace\":\"shop\","
        + "\"fields\":[{\"name\":\"tier\",\"type\":\"shop.Tier\"}]}";
    String basket = "{\"type\":\"record\",\"name\":\"Basket\",\"namespace\":\"shop\","
        + "\"fields\":[{\"name\":\"line\",\"type\":\"shop.Line\"}]}";
    try (SchemaRegistryRestFixture fixture = new SchemaRegistryRestFixture()
        .answering("/schemas/ids/100", answer(basket, reference("shop.Line", "line", 2)))
        .answering("/subjects/line/versions/2", answer(line, reference("shop.Tier", "tier", 1)))
        .answering("/subjects/tier/versions/1", answer(tier))
        .start()) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(Map.of("schema.registry.url", fixture.url()));

      // When
      Schema schema = client.getSchemaById(100);

      // Then
      assertThat(schema.getField("line").schema().getField("tier").schema().getEnumSymbols()).containsExactly("A", "B");
    }
  }

  private static Map<String, Object> reference(String name, String subject, int version) {
    return Map.of("name", name, "subject", subject, "version", version);
  }

  @SafeVarargs
  private static String answer(String schema, Map<String, Object>... references) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(Map.of("schema", schema, "references", List.of(references)));
  }
}
