package dev.plinth.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationScriptsTest {
  private final MigrationScripts scripts =
      new MigrationScripts(MigrationScriptsTest.class.getClassLoader());

  @Test
  void scripts_listEveryMigrationFile() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(MigrationScripts.SCRIPTS);
    }
  }

  @Test
  void getResources_matchesPrefixAndSuffix() {
    assertThat(scripts.getResources("V", new String[] {".sql"}))
        .hasSize(MigrationScripts.SCRIPTS.size());
    assertThat(scripts.getResources("R", new String[] {".sql"})).isEmpty();
  }

  @Test
  void read_returnsTheScript() throws IOException {
    try (Reader reader = scripts.getResource("V1__workflows.sql").read()) {
      char[] start = new char[2];
      assertThat(reader.read(start)).isEqualTo(2);
      assertThat(new String(start)).isEqualTo("--");
    }
  }
}
