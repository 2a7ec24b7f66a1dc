package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreCrossProcessTest {
  private static final int ROUNDS = 25;
  private static final String KEY = "shared/counter";

  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;
  private static final List<Child> children = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
    children.add(Child.start("alpha"));
    children.add(Child.start("beta"));
    for (Child child : children) {
      assertThat(child.readLine()).isEqualTo("ready");
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Child child : children) {
      child.stdin.close();
      if (!child.process.waitFor(30, TimeUnit.SECONDS)) {
        child.process.destroyForcibly();
      }
    }
  }

  @Test
  void put_ifMatchRacedByTwoProcessesHasExactlyOneWinnerPerRound() throws IOException {
    BlobInfo current =
        driver.put(KEY, new ByteArrayInputStream(new byte[] {0}), 1, PutOptions.none());
    for (int round = 0; round < ROUNDS; round++) {
      for (Child child : children) {
        child.stdin.println(current.etag());
      }
      List<String> winners = new ArrayList<>();
      for (Child child : children) {
        if (child.readLine().equals("won")) {
          winners.add(child.name + "-" + round);
        }
      }

      assertThat(winners).as("round %d", round).hasSize(1);
      try (Blob blob = driver.get(KEY, null)) {
        assertThat(new String(blob.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo(winners.get(0));
        current = blob.info();
      }
    }
  }

  /** A child JVM running {@link CasRaceMain}. */
  private record Child(String name, Process process, PrintStream stdin, BufferedReader stdout) {
    static Child start(String name) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-Xmx64m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CasRaceMain.class.getName(),
                  root.toString(),
                  KEY,
                  name)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new Child(
          name,
          process,
          new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8),
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    String readLine() throws IOException {
      String line = stdout.readLine();
      if (line == null) {
        throw new IOException("Child " + name + " exited early with " + process.exitValue());
      }
      return line;
    }
  }
}
