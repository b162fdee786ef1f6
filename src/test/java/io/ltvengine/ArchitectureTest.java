package io.ltvengine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layering, as a test: dependencies flow one way, from the tools through the application and
 * the stream processing down to the valuation core, the models and the registry client.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.ltvengine");

  private static final int MAX_CONSTRUCTOR_PARAMETERS = 5;

  @Test
  void shouldKeepModelValuationAndRegistryFreeOfKafkaStreams() {
    noClasses()
        .that().resideInAnyPackage("io.ltvengine.model..", "io.ltvengine.valuation..", "io.ltvengine.registry..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..")
        .check(MAIN);
  }

  @Test
  void shouldKeepTheValuationCoreFreeOfKafkaTypes() {
    noClasses()
        .that().resideInAnyPackage("io.ltvengine.valuation..", "io.ltvengine.model..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
        .check(MAIN);
  }

  @Test
  void shouldKeepTheEngineFreeOfTheApplicationLayer() {
    noClasses()
        .that().resideInAnyPackage(
            "io.ltvengine.model..", "io.ltvengine.valuation..", "io.ltvengine.registry..",
            "io.ltvengine.config..", "io.ltvengine.streams..")
        .should().dependOnClassesThat().resideInAnyPackage("io.ltvengine.app..", "io.ltvengine.tools..")
        .check(MAIN);
  }

  @Test
  void shouldLetToolsUseTheEngineButNeverTheReverse() {
    noClasses()
        .that().resideOutsideOfPackage("io.ltvengine.tools..")
        .should().dependOnClassesThat().resideInAnyPackage("io.ltvengine.tools..")
        .check(MAIN);
  }

  @Test
  void shouldKeepTheQuerySideOutOfTheProcessors() {
    noClasses()
        .that().resideInAnyPackage("io.ltvengine.app..")
        .should().dependOnClassesThat().resideInAnyPackage("io.ltvengine.streams.processors..")
        .check(MAIN);
  }

  @Test
  void shouldKeepHttpHandlersAwayFromStores() {
    noClasses()
        .that().resideInAnyPackage("io.ltvengine.app.http..")
        .should().dependOnClassesThat(stateStores())
        .check(MAIN);
  }

  @Test
  void shouldTakeAtMostFiveParametersInEveryHandWrittenConstructor() {
    ArchRule rule =
        ArchRuleDefinition.constructors()
            .that().areDeclaredInClassesThat(handWritten())
            .should(takeAtMost(MAX_CONSTRUCTOR_PARAMETERS));
    rule.check(MAIN);
  }

  private static DescribedPredicate<JavaClass> stateStores() {
    return DescribedPredicate.describe(
        "are state stores",
        type -> type.getPackageName().startsWith("io.ltvengine.streams.stores")
            || type.getPackageName().startsWith("org.apache.kafka.streams") && type.getSimpleName().contains("Store"));
  }

  /**
   * Classes written by hand, where a wide constructor hides wiring. Avro's generated classes are
   * not written by hand; records are values whose components are named at every use, so they are
   * left to read as the data they hold.
   */
  private static DescribedPredicate<JavaClass> handWritten() {
    return DescribedPredicate.describe(
        "are classes written by hand",
        type -> !type.getPackageName().startsWith("io.ltvengine.avro") && !type.isRecord());
  }

  private static ArchCondition<JavaConstructor> takeAtMost(int parameters) {
    return new ArchCondition<>("take at most " + parameters + " parameters") {
      @Override
      public void check(JavaConstructor constructor, ConditionEvents events) {
        int count = constructor.getRawParameterTypes().size();
        if (count > parameters) {
          events.add(SimpleConditionEvent.violated(
              constructor, constructor.getFullName() + " takes " + count + " parameters"));
        }
      }
    };
  }
}
