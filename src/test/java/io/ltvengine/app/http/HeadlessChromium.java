package io.ltvengine.app.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium in headless mode. Missing chromium skips the test on a developer machine and
 * fails it in CI (CI=true), where it must be installed: {@code apt-get install -y chromium}.
 */
final class HeadlessChromium {

  private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");
  private static final long TIMEOUT_SECONDS = 60;

  private final String executable;

  private HeadlessChromium(String executable) {
    this.executable = executable;
  }

  static HeadlessChromium findOrSkip() {
    Optional<String> found = CANDIDATES.stream().filter(HeadlessChromium::onPath).findFirst();
    if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("chromium is required in CI for the dashboard test: apt-get install -y chromium");
    }
    Assumptions.assumeTrue(found.isPresent(), "chromium not installed; dashboard browser test skipped");
    return new HeadlessChromium(found.get());
  }

  /** The page's DOM after its scripts ran for a few (virtual) seconds. */
  String dumpDom(String url) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url));
  }

  Path screenshot(String url, Path file) throws IOException, InterruptedException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    run(List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=1280,900", url));
    return file;
  }

  private String run(List<String> arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("ltv-chromium");
    List<String> command = new ArrayList<>(List.of(executable, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("chromium exited with " + process.exitValue());
    }
    return new String(output, StandardCharsets.UTF_8);
  }

  private static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, name))) {
        return true;
      }
    }
    return false;
  }
}
