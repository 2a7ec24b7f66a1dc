package dev.plinth.azure.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs Azurite's blob service (installed into {@code target/azurite} by the build's {@code npm
 * install}; another module's tests name that directory in the system property {@value
 * #HOME_PROPERTY}) as a child process on a free port. Node.js is required: when Azurite cannot
 * start, the test fails with a message saying how to fix it (there is no silent skip, on CI or
 * locally).
 */
public final class Azurite implements AutoCloseable {
  /**
   * System property naming the npm prefix Azurite is installed under, if not {@code
   * target/azurite}.
   */
  public static final String HOME_PROPERTY = "plinth.azurite.home";

  /** The well-known Azurite development account. */
  static final String ACCOUNT = "devstoreaccount1";

  /** The well-known, public key of the Azurite development account (not a secret). */
  static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;

  private Azurite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Azurite with its data under {@code location}.
   *
   * @param location an empty directory for Azurite's data and log
   * @return the running emulator
   */
  public static Azurite start(Path location) {
    Path main = mainScript();
    int port = freePort();
    Path log = location.resolve("azurite.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "node",
                    main.toString(),
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    Integer.toString(port),
                    "--location",
                    location.resolve("data").toString(),
                    "--silent",
                    "--skipApiVersionCheck",
                    "--loose",
                    "--disableTelemetry"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(failure("could not run 'node': " + e.getMessage()), e);
    }
    Azurite azurite = new Azurite(process, port);
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> azurite.listening() || !process.isAlive());
    } catch (RuntimeException e) {
      azurite.close();
      throw new IllegalStateException(failure("not listening after " + START_TIMEOUT), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          failure("exited with " + process.exitValue() + ". Its output:\n" + read(log)));
    }
    return azurite;
  }

  /**
   * Returns the connection string of the development account on this instance.
   *
   * @return the connection string
   */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }

  /**
   * Returns the blob endpoint of the development account.
   *
   * @return e.g. {@code http://127.0.0.1:10000/devstoreaccount1}
   */
  String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** Stops the emulator. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  private static Path mainScript() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    String home = System.getProperty(HOME_PROPERTY);
    Path prefix = home == null ? module.resolve("target/azurite") : Path.of(home);
    Path main =
        prefix.resolve("node_modules/azurite/dist/src/blob/main.js").toAbsolutePath().normalize();
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          failure(
              "it is not installed at "
                  + main
                  + ". The build installs it with 'npm install' in generate-test-resources;"
                  + " build with providers-azure in the reactor, e.g. './mvnw -pl providers-azure -am"
                  + " verify' or './mvnw -pl examples -am verify' (not with -DskipTests)"));
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
