package io.ltvengine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

  private static final Schema V1 = SchemaBuilder.record("Customer").fields()
      .requiredString("id").endRecord();
  private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Customer").fields()
      .requiredString("id").name("tier").type().stringType().stringDefault("LOW").endRecord();
  private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Customer").fields()
      .requiredString("id").requiredString("tier").endRecord();

  private final MockSchemaRegistry registry = new MockSchemaRegistry();

  @AfterEach
  void dropScopes() {
    MockSchemaRegistry.dropScope("a");
    MockSchemaRegistry.dropScope("b");
  }

  @Test
  void shouldShareOneRegistryPerScope() {
    SchemaRegistryClient fromUrl =
        SchemaRegistryClients.create(Map.of("schema.registry.url", "mock://a"));

    assertThat(fromUrl).isSameAs(MockSchemaRegistry.forScope("a"));
    assertThat(MockSchemaRegistry.forScope("b")).isNotSameAs(fromUrl);
  }

  @Test
  void shouldStartEmptyAfterScopeIsDropped() {
    // Given
    MockSchemaRegistry.forScope("a").register("s", V1);

    // When
    MockSchemaRegistry.dropScope("a");

    // Then
    assertThat(MockSchemaRegistry.forScope("a").subjects()).isEmpty();
  }

  @Test
  void shouldAssignSequentialIdsAcrossSubjects() {
    assertThat(registry.register("x-value", V1)).isEqualTo(1);
    assertThat(registry.register("y-value", Tiny.SCHEMA$)).isEqualTo(2);
    assertThat(registry.register("x-value", V2_WITH_DEFAULT)).isEqualTo(3);
  }

  @Test
  void shouldGiveIdenticalSchemaSameIdInEverySubject() {
    int first = registry.register("x-value", V1);

    assertThat(registry.register("y-value", V1)).isEqualTo(first);
    assertThat(registry.getLatestSchemaMetadata("y-value").version()).isEqualTo(1);
  }

  @Test
  void shouldNotAddVersionWhenSameSchemaIsRegisteredAgain() {
    int id = registry.register("x-value", V1);

    assertThat(registry.register("x-value", V1)).isEqualTo(id);
    assertThat(registry.versions("x-value")).containsExactly(id);
  }

  @Test
  void shouldReportLatestVersionOfSubject() {
    registry.register("x-value", V1);
    int id = registry.register("x-value", V2_WITH_DEFAULT);

    assertThat(registry.getLatestSchemaMetadata("x-value"))
        .isEqualTo(new SchemaMetadata("x-value", id, 2, V2_WITH_DEFAULT));
  }

  @Test
  void shouldCheckBackwardCompatibilityAgainstLatestVersion() {
    registry.register("x-value", V1);

    assertThat(registry.testCompatibility("x-value", V2_WITH_DEFAULT)).isTrue();
    assertThat(registry.testCompatibility("x-value", V2_WITHOUT_DEFAULT)).isFalse();
    assertThat(registry.testCompatibility("new-value", V2_WITHOUT_DEFAULT)).isTrue();
  }

  @Test
  void shouldRejectIncompatibleSchemaWith409() {
    registry.register("x-value", V1);

    assertRegistryError(() -> registry.register("x-value", V2_WITHOUT_DEFAULT), 409, 409);
  }

  @Test
  void shouldAnswerUnknownIdSubjectAndSchemaWithRegistryErrorCodes() {
    registry.register("x-value", V1);

    assertRegistryError(() -> registry.getSchemaById(42), 404, 40403);
    assertRegistryError(() -> registry.getLatestSchemaMetadata("nope"), 404, 40401);
    assertRegistryError(() -> registry.getId("x-value", V2_WITH_DEFAULT), 404, 40403);
  }

  static void assertRegistryError(ThrowingCallable call, int httpStatus, int errorCode) {
    assertThatThrownBy(call).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(httpStatus);
      assertThat(e.errorCode()).isEqualTo(errorCode);
    });
  }
}
