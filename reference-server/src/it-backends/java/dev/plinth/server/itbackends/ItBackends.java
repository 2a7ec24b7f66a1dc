package dev.plinth.server.itbackends;

import dev.plinth.testing.EmbeddedRedis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts (and stops) the backends of the IT server {@code plinth-it-pg}: an embedded PostgreSQL and
 * an embedded Redis, both real server processes on the ports the build reserved.
 *
 * <p>Run by {@code exec:java} inside the Maven JVM: {@code start <pgPort> <redisPort> <workDir>} in
 * {@code pre-integration-test} (before Liberty starts), {@code stop <redisPort> <workDir>} in
 * {@code verify} (after Liberty stopped, before failsafe fails the build on a failed IT). {@code
 * start} returns once both accept connections; the processes outlive it. {@code stop} finds them
 * again by port and by PostgreSQL's {@code postmaster.pid}, so it needs no state from {@code
 * start}. When {@code PLINTH_TEST_DATABASE_URL} is set the build uses that database and no
 * PostgreSQL is started.
 */
public final class ItBackends {
  private static final String EXTERNAL_DB = "PLINTH_TEST_DATABASE_URL";

  private ItBackends() {}

  /**
   * Entry point.
   *
   * @param args {@code start <pgPort> <redisPort> <workDir>} or {@code stop <redisPort> <workDir>}
   * @throws Exception when a backend cannot be started or stopped
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 4 && "start".equals(args[0])) {
      start(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
    } else if (args.length == 3 && "stop".equals(args[0])) {
      stop(Integer.parseInt(args[1]), Path.of(args[2]));
    } else {
      throw new IllegalArgumentException(
          "usage: start <pgPort> <redisPort> <workDir> | stop <redisPort> <workDir>, got "
              + List.of(args));
    }
  }

  private static void start(int pgPort, int redisPort, Path workDir) throws IOException {
    Files.createDirectories(workDir);
    Optional<String> external =
        Optional.ofNullable(System.getenv(EXTERNAL_DB)).filter(url -> !url.isBlank());
    if (external.isEmpty()) {
      // A fresh cluster every run, so migrations always start from an empty database.
      Path pgData = workDir.resolve("pgdata");
      deleteRecursively(pgData);
      EmbeddedPostgres.builder()
          .setPort(pgPort)
          .setDataDirectory(pgData.toFile())
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("pg.log").toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(workDir.resolve("pg.log").toFile()))
          .start();
    }
    EmbeddedRedis.start(redisPort); // outlives this call: stop finds it again by its port
  }

  private static void stop(int redisPort, Path workDir) throws IOException {
    EmbeddedRedis.shutdown(redisPort);
    Path pid = workDir.resolve("pgdata").resolve("postmaster.pid");
    if (Files.exists(pid)) {
      long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
      // SIGTERM: PostgreSQL's smart shutdown; Liberty (its only client) has already stopped.
      ProcessHandle.of(postmaster)
          .ifPresent(
              process -> {
                process.destroy();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
              });
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
