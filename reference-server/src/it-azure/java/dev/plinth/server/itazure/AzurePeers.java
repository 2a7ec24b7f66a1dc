package dev.plinth.server.itazure;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts (and stops) the local peers of the azure IT server: run by {@code exec:java} inside the
 * Maven JVM, it forks one JVM running {@link AzurePeersMain} (Azurite, the Entra-shaped issuer, the
 * ingestion capture and Redis) on the ports the build reserved.
 *
 * <p>{@code start <workDir> <azuriteHome> <azuritePort> <oidcPort> <ingestionPort> <redisPort>}
 * returns once every peer accepts connections; the forked JVM outlives it and exits by itself when
 * the Maven JVM does. {@code stop <workDir>} ends it through the pid file it wrote (its shutdown
 * hook stops Azurite and Redis), so it needs no state from {@code start}. A separate JVM because
 * {@code exec:java} waits for the non-daemon threads its main started, and the HTTP servers have
 * some.
 */
public final class AzurePeers {
  private static final long START_TIMEOUT_SECONDS = 120;

  private AzurePeers() {}

  /**
   * Entry point.
   *
   * @param args {@code start <workDir> <azuriteHome> <azuritePort> <oidcPort> <ingestionPort>
   *     <redisPort>} or {@code stop <workDir>}
   * @throws Exception when the peers cannot be started or stopped
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 7 && "start".equals(args[0])) {
      start(Path.of(args[1]), List.of(args).subList(2, 7));
    } else if (args.length == 2 && "stop".equals(args[0])) {
      stop(Path.of(args[1]));
    } else {
      throw new IllegalArgumentException(
          "usage: start <workDir> <azuriteHome> <azuritePort> <oidcPort> <ingestionPort>"
              + " <redisPort> | stop <workDir>, got "
              + List.of(args));
    }
  }

  private static void start(Path workDir, List<String> peerArgs) throws Exception {
    Files.createDirectories(workDir);
    stop(workDir); // a peer JVM left by a killed build would hold the directory
    Path ready = AzurePeersMain.readyFile(workDir);
    Files.deleteIfExists(ready);
    Path log = workDir.resolve("peers.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(classpath());
    command.add(AzurePeersMain.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(workDir.toString());
    command.addAll(peerArgs);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!Files.exists(ready)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "The azure IT peers did not start within "
                + START_TIMEOUT_SECONDS
                + " s (exit "
                + (process.isAlive() ? "none" : Integer.toString(process.exitValue()))
                + "). Their log, "
                + log
                + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
  }

  private static void stop(Path workDir) throws IOException {
    Path pidFile = AzurePeersMain.pidFile(workDir);
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
    Optional<ProcessHandle> peers = ProcessHandle.of(pid);
    if (peers.isPresent() && isPeersJvm(peers.get())) {
      ProcessHandle process = peers.get();
      process.destroy(); // SIGTERM: the shutdown hook stops Azurite and Redis
      try {
        process.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception slow) {
        process.destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }

  /** Guards against a pid reused by an unrelated process since the file was written. */
  private static boolean isPeersJvm(ProcessHandle process) {
    return process
        .info()
        .arguments()
        .map(args -> List.of(args).contains(AzurePeersMain.class.getName()))
        .orElse(true);
  }

  /** The test classpath exec:java built for this class, so the forked JVM sees the same one. */
  private static String classpath() throws URISyntaxException {
    ClassLoader loader = AzurePeers.class.getClassLoader();
    if (!(loader instanceof URLClassLoader urls)) {
      return System.getProperty("java.class.path");
    }
    List<String> entries = new ArrayList<>();
    for (URL url : urls.getURLs()) {
      entries.add(Path.of(url.toURI()).toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
