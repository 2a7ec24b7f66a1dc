package dev.plinth.server.itazure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service as a child process ({@code node}) on a given port. Azurite is installed by
 * the providers-azure build ({@code npm install} into its {@code target/azurite}); when it is
 * missing or cannot start, the build fails saying how to fix it.
 */
final class AzuriteProcess implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Process process;

  private AzuriteProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts Azurite and waits until it accepts connections.
   *
   * @param home the npm prefix Azurite is installed under
   * @param port the blob port
   * @param location a directory for its data and log
   * @return the running process
   * @throws IOException when it cannot start
   */
  static AzuriteProcess start(Path home, int port, Path location) throws IOException {
    Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js").toAbsolutePath();
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          "Azurite is not installed at "
              + main
              + ": the providers-azure build installs it (npm, Node.js 18+) when its tests run."
              + " Build with it in the reactor, e.g. './mvnw -pl reference-server -am verify'.");
    }
    Files.createDirectories(location);
    Path log = location.resolve("azurite.log");
    Process process =
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
            .redirectOutput(log.toFile())
            .start();
    AzuriteProcess azurite = new AzuriteProcess(process);
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (!listening(port)) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        azurite.close();
        throw new IllegalStateException(
            "Azurite did not start on port "
                + port
                + ". Its output:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
      try {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Azurite started", e);
      }
    }
    return azurite;
  }

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

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
