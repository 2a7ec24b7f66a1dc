package dev.plinth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.core.Platform;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

  @Test
  void run_50jobs_retriesTransientFailuresAndReportsDeadLettersByReason(@TempDir Path data)
      throws Exception {
    Worker.Report report;
    try (Platform platform = LocalPlatform.start(data);
        PrintStream out =
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      report = Worker.run(platform, 50, out);
    }

    // 7, 14, ..., 49 are invalid; 11, 22, 33, 44 always fail; the other 39 succeed.
    assertThat(report.deadLetters().get("invalid-job"))
        .containsExactlyInAnyOrder("7", "14", "21", "28", "35", "42", "49");
    assertThat(report.deadLetters().get("max-attempts-exceeded"))
        .containsExactlyInAnyOrder("11", "22", "33", "44");
    assertThat(report.succeeded()).isEqualTo(39);
    // 5,10,15,20,25,30,40,45,50 fail once (35 is invalid); 11,22,33,44 fail 3 times each.
    assertThat(report.retries()).isEqualTo(9 + 4 * 3);
  }
}
