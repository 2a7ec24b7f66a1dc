package dev.plinth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's quickstart snippet identical to code that compiles and runs in a test. */
class ReadmeQuickstartTest {

  @Test
  void readme_containsTheQuickstartSnippetVerbatim() throws IOException {
    List<String> source =
        Files.readAllLines(Path.of("src/main/java/dev/plinth/examples/ReadmeQuickstart.java"));
    int begin = indexOf(source, "// README quickstart begins") + 1;
    int end = indexOf(source, "// README quickstart ends");
    String snippet = dedent(source.subList(begin, end));

    String readme = Files.readString(Path.of("../README.md"));

    assertThat(snippet).isNotBlank();
    assertThat(readme).contains(snippet);
  }

  @Test
  void run_onLocalProfileFromTheEnvironment_consumesTheMessage(@TempDir Path data)
      throws Exception {
    Map<String, String> properties =
        Map.of(
            "plinth.storage.filesystem.root", data.resolve("blobs").toString(),
            "plinth.queue.artemis.data-dir", data.resolve("artemis").toString(),
            "plinth.telemetry.console.spans", "false");
    properties.forEach(System::setProperty);
    try {
      assertThat(ReadmeQuickstart.run(new String[0])).isTrue();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
    assertThat(data.resolve("blobs/docs/hello.txt")).hasContent("Hello");
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("Marker not found: " + marker);
  }

  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
  }
}
