package io.ltvengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.config.SettingsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table is the user's reference: it is the one generated from the definitions. */
class ReadmeTest {

  @Test
  void shouldShowTheSettingsTableGeneratedFromTheDefinitions() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int begin = readme.indexOf(SettingsTable.BEGIN);
    int end = readme.indexOf(SettingsTable.END);
    assertThat(begin).as("README marker %s", SettingsTable.BEGIN).isNotNegative();
    assertThat(end).as("README marker %s after the begin marker", SettingsTable.END).isGreaterThan(begin);

    String table = readme.substring(begin + SettingsTable.BEGIN.length(), end).strip();

    assertThat(table)
        .as("the README's settings table; regenerate it with: java -jar target/ltv.jar settings")
        .isEqualTo(SettingsTable.markdown().strip());
  }
}
