package io.ltvengine.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ltvengine.streams.LtvSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the user's reference: it must name every setting. */
class ReadmeTest {

  @Test
  void shouldDocumentEverySettingWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    for (LtvSettings.Setting setting : LtvSettings.Setting.values()) {
      assertThat(readme)
          .as(setting.key())
          .contains("| `" + setting.key() + "` | `" + setting.defaultValue() + "` |");
    }
  }
}
