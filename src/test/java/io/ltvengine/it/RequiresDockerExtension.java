package io.ltvengine.it;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Implements {@link RequiresDocker}: skips without Docker, or fails the class when running on CI. */
final class RequiresDockerExtension implements ExecutionCondition, BeforeAllCallback {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> problem = dockerProblem();
    if (problem.isEmpty()) {
      return ConditionEvaluationResult.enabled("Docker is available");
    }
    if (onCi()) {
      // Enabled on purpose: beforeAll then fails the class.
      return ConditionEvaluationResult.enabled("Docker is unusable on CI");
    }
    return ConditionEvaluationResult.disabled("Docker is unusable: " + problem.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    dockerProblem().ifPresent(problem -> {
      throw new IllegalStateException("Docker is required on CI (CI=true) but unusable: " + problem
          + ". See docker/build-images.sh for machines without Docker Hub.");
    });
  }

  // Testcontainers may find an engine and still fail to prepare it (e.g. when it cannot pull its Ryuk image),
  // so any failure counts as Docker being unusable, with its message as the reason.
  private static Optional<String> dockerProblem() {
    try {
      return DockerClientFactory.instance().isDockerAvailable()
          ? Optional.empty()
          : Optional.of("no Docker engine found");
    } catch (RuntimeException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
