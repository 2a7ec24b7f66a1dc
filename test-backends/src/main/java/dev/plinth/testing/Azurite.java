package dev.plinth.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service (the Azure Storage emulator) as a child process ({@code node}) on
 * 127.0.0.1, serving the well-known development account. The providers-azure build installs it with
 * {@code npm install} into {@code providers-azure/target/azurite}, where every module finds it; the
 * system property {@value #HOME_PROPERTY} names another npm prefix. Node.js is required: when
 * Azurite is missing or cannot start, the caller gets an exception saying how to fix it (never a
 * silent skip, on CI or locally).
 */
public final class Azurite implements AutoCloseable {
  /** System property naming the npm prefix Azurite is installed under, if not the default. */
  public static final String HOME_PROPERTY = "plinth.azurite.home";

  /** The well-known Azurite development account. */
  public static final String ACCOUNT = "devstoreaccount1";

  /** The well-known, public key of the Azurite development account (not a secret). */
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final int port;

  private Azurite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the Azurite installed at {@link #HOME_PROPERTY} or the default place, on a free port.
   *
   * @param location a directory for Azurite's data and its log, {@code azurite.log}
   * @return the running emulator, accepting connections
   */
  public static Azurite start(Path location) {
    return start(location, List.of(), Map.of());
  }

  /**
   * Starts the Azurite installed at {@link #HOME_PROPERTY} or the default place, on a free port,
   * with more command-line options, e.g. HTTPS with OAuth: {@code --oauth basic --cert <pfx> --pwd
   * <password>}.
   *
   * @param location a directory for Azurite's data and its log, {@code azurite.log}
   * @param options more Azurite options
   * @param environment more environment variables of the {@code node} process, e.g. {@code
   *     NODE_EXTRA_CA_CERTS}
   * @return the running emulator, accepting connections
   */
  public static Azurite start(
      Path location, List<String> options, Map<String, String> environment) {
    return start(defaultHome(), FreePorts.find(), location, options, environment);
  }

  /**
   * Starts Azurite and waits until it accepts connections.
   *
   * @param home the npm prefix Azurite is installed under
   * @param port the blob port on 127.0.0.1
   * @param location a directory (created if missing) for Azurite's data and its log
   * @return the running emulator
   */
  public static Azurite start(Path home, int port, Path location) {
    return start(home, port, location, List.of(), Map.of());
  }

  private static Azurite start(
      Path home, int port, Path location, List<String> options, Map<String, String> environment) {
    Path main = mainScript(home);
    Path log = location.resolve("azurite.log");
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "node",
            main.toString(),
            "--blobHost",
            "127.0.0.1",
            "--blobPort",
            Integer.toString(port),
            "--location",
            location.resolve("data").toString()));
    command.addAll(options);
    command.addAll(List.of("--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry"));
    Process process;
    try {
      Files.createDirectories(location);
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(failure("could not run 'node': " + e.getMessage()), e);
    }
    Azurite azurite = new Azurite(process, port);
    azurite.awaitListening(log);
    return azurite;
  }

  /**
   * Returns the connection string of the development account on a local Azurite.
   *
   * @param port Azurite's blob port on 127.0.0.1
   * @return the connection string
   */
  public static String connectionString(int port) {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint(port)
        + ";";
  }

  /**
   * Returns the connection string of the development account on this instance.
   *
   * @return the connection string
   */
  public String connectionString() {
    return connectionString(port);
  }

  /**
   * Returns the blob endpoint of the development account on this instance.
   *
   * @return e.g. {@code http://127.0.0.1:10000/devstoreaccount1}
   */
  public String blobEndpoint() {
    return blobEndpoint(port);
  }

  /**
   * Returns the blob port.
   *
   * @return the port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * Tells whether the emulator's process still runs.
   *
   * @return false once it exited
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the emulator: SIGTERM, then SIGKILL after ten seconds, waiting until it is gone. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String blobEndpoint(int port) {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** Polls the port; a process that exits or overruns the timeout fails with its log. */
  private void awaitListening(Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!listening()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            failure("exited with " + process.exitValue() + ". Its output:\n" + read(log)));
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException(
            failure(
                "not listening on port "
                    + port
                    + " after "
                    + START_TIMEOUT
                    + ". Its output:\n"
                    + read(log)));
      }
      try {
        process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS); // returns early if it exits
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException(failure("interrupted while it started"), e);
      }
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The npm prefix of {@link #HOME_PROPERTY}, else providers-azure's {@code target/azurite} seen
   * from the module under test (a sibling of providers-azure, or providers-azure itself).
   */
  private static Path defaultHome() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home != null) {
      return Path.of(home);
    }
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return module.resolve("../providers-azure/target/azurite");
  }

  private static Path mainScript(Path home) {
    Path main =
        home.resolve("node_modules/azurite/dist/src/blob/main.js").toAbsolutePath().normalize();
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          failure(
              "it is not installed at "
                  + main
                  + ". The providers-azure build installs it with 'npm install' in"
                  + " generate-test-resources (not with -DskipTests); build with providers-azure in"
                  + " the reactor, e.g. './mvnw -pl providers-azure -am verify' or './mvnw -pl"
                  + " examples -am verify'"));
    }
    return main;
  }

  private static String failure(String detail) {
    String ci =
        "true".equalsIgnoreCase(System.getenv("CI")) ? " [CI=true: Azurite is required]" : "";
    return "Azurite (the Azure Storage emulator the azure-blob tests run against) cannot start: "
        + detail
        + ". Install Node.js 18+ with npm and rebuild."
        + ci;
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
