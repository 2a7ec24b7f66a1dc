package dev.plinth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.core.Platform;
import dev.plinth.queue.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {

  @Test
  void run_onLocalProfile_storesCachesAndDeadLettersThePoisonMessage(@TempDir Path data)
      throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DeadLetter deadLetter;
    try (Platform platform = LocalPlatform.start(data);
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      deadLetter = Quickstart.run(platform, out);
    }

    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("storage: quickstart/hello.txt (13 bytes")
        .contains("-> \"Hello, Plinth\"")
        .contains("cache: greeting = loaded once, then cached")
        .contains("queue: attempt 3 of 'poison-order-2'")
        .doesNotContain("attempt 4")
        .contains("platform: ");
    assertThat(deadLetter.reason()).isEqualTo("max-attempts-exceeded");
    assertThat(deadLetter.attempts()).isEqualTo(3);
    assertThat(deadLetter.lastError()).contains("cannot process poison-order-2");
    assertThat(deadLetter.message().bodyAsText()).isEqualTo("poison-order-2");
  }
}
