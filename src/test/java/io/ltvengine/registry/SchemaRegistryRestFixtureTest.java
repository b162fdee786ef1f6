package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listing endpoints, which the client does not use but integration tests and tools do. */
class SchemaRegistryRestFixtureTest {

  private final SchemaRegistryRestFixture fixture = new SchemaRegistryRestFixture().start();

  @AfterEach
  void stopFixture() {
    fixture.close();
  }

  @Test
  void shouldListSubjectsAndTheirVersions() throws Exception {
    // Given
    fixture.registry().register("b-value", SchemaBuilder.record("B").fields().endRecord());
    fixture.registry().register("a-value", SchemaBuilder.record("A").fields().endRecord());
    fixture.registry().register("a-value", SchemaBuilder.record("A").fields()
        .optionalString("note").endRecord());

    // When / Then
    assertThat(get("/subjects")).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(get("/subjects/a-value/versions")).isEqualTo("[1,2]");
    assertThat(get("/schemas/ids/1")).contains("\\\"name\\\":\\\"B\\\"");
  }

  @Test
  void shouldAnswerUnknownPathWithRegistryErrorBody() throws Exception {
    assertThat(get("/config/unknown")).contains("\"error_code\":404");
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.url() + path)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
