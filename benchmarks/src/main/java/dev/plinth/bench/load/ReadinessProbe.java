package dev.plinth.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Server readiness: launches the start command and polls {@code /health/ready} every 100 ms until
 * it answers 200 and the API's context root is bound (on a loaded machine Liberty can report ready
 * a moment before {@code /api} answers anything but 404), timing from the launch.
 */
final class ReadinessProbe {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final PlinthClient client;

  ReadinessProbe(PlinthClient client) {
    this.client = client;
  }

  /**
   * Starts the server and waits until it is ready.
   *
   * @param startCommand the command, split at blanks
   * @return seconds from the launch to the first 200 of {@code /health/ready}
   */
  double startAndTime(String startCommand) throws IOException, InterruptedException {
    List<String> command = Arrays.asList(startCommand.trim().split("\\s+"));
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = start + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready()) {
        double seconds = (System.nanoTime() - start) / 1e9;
        process.waitFor();
        return seconds;
      }
      Thread.sleep(100);
    }
    throw new IOException("The server was not ready " + TIMEOUT + " after: " + startCommand);
  }

  /**
   * Waits until an already running server is ready.
   *
   * @return true when {@code /health/ready} answered 200 within the timeout
   */
  boolean awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private boolean ready() throws InterruptedException {
    try {
      HttpResponse<String> response = client.getPublic("/health/ready");
      // Unauthenticated: 401 once the application answers, 404 while its context root is missing.
      return response.statusCode() == 200
          && client.getPublic("/api/v1/executions").statusCode() != 404;
    } catch (IOException e) {
      return false;
    }
  }
}
