package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delay steps that hold no worker thread (a scheduled continuation resumes the execution) and
 * attempts that resume after the last recorded step.
 */
class ExecutionDelayIT {
  /** The servers' {@code plinth.server.worker.concurrency} (the default). */
  private static final int WORKER_CONCURRENCY = 8;

  private static final AtomicInteger HITS = new AtomicInteger();
  private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
  private static HttpServer peer;
  private static String user;
  private static String viewer;

  @BeforeAll
  static void start() throws IOException {
    user = Tokens.accessToken("user");
    viewer = Tokens.accessToken("viewer");
    // A peer the server's http steps call (127.0.0.1 is on the default allow-list).
    peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    peer.createContext("/hit", exchange -> reply(exchange, 200, HITS.incrementAndGet()));
    // Fails the first call (retryable 503), then succeeds.
    peer.createContext(
        "/flaky",
        exchange -> {
          int call = FLAKY_CALLS.incrementAndGet();
          reply(exchange, call == 1 ? 503 : 200, call);
        });
    peer.start();
  }

  @AfterAll
  static void stop() {
    peer.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, int count) throws IOException {
    byte[] body = ("{\"count\":" + count + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void delay_betweenTwoLogs_pausesThenSucceedsInOneAttempt() {
    String workflow =
        Executions.createActive(
            user,
            """
            {"name": "first", "type": "log", "message": "before"},
            {"name": "wait", "type": "delay", "durationMs": 3000},
            {"name": "second", "type": "log", "message": "after"}
            """);
    String id = Executions.startId(user, workflow);

    JsonObject waiting = awaitPending(id);
    assertThat(waiting.getString("status")).isEqualTo("running");
    JsonObject steps = waiting.getJsonObject("steps");
    assertThat(steps.keySet()).containsExactly("first", "wait");
    assertThat(steps.getJsonObject("wait").getInt("delayedMs")).isEqualTo(3000);
    assertThat(steps.getJsonObject("wait").getString("until"))
        .isEqualTo(waiting.getString("resumeAt"));

    JsonObject done = Executions.awaitStatus(id, "succeeded", viewer);
    assertThat(done.getJsonObject("steps").keySet()).containsExactly("first", "wait", "second");
    assertThat(done.getInt("attempts")).isEqualTo(1);
    assertThat(done.containsKey("error")).isFalse();
    assertThat(done.containsKey("resumeAt")).isFalse();
    assertThat(Instant.parse(done.getString("finishedAt")))
        .isAfterOrEqualTo(Instant.parse(steps.getJsonObject("wait").getString("until")));
  }

  @Test
  void delay_pendingInMoreExecutionsThanWorkers_doesNotBlockOtherExecutions() {
    String slow = delayThenLog(600_000);
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i <= WORKER_CONCURRENCY; i++) {
      waiting.add(Executions.startId(user, slow));
    }
    waiting.forEach(ExecutionDelayIT::awaitPending);
    String quick =
        Executions.createActive(user, "{\"name\": \"say\", \"type\": \"log\", \"message\": \"x\"}");

    String id = Executions.startId(user, quick);

    assertThat(Executions.awaitStatus(id, "succeeded", viewer).getInt("attempts")).isEqualTo(1);
    for (String pending : waiting) {
      JsonObject view = Executions.get(pending, viewer);
      assertThat(view.getString("status")).isEqualTo("running");
      assertThat(view.containsKey("resumeAt")).isTrue();
      HttpResponse<String> cancelled = Executions.cancel(pending, user);
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }
  }

  @Test
  void cancel_duringDelay_isCancelledAndTheContinuationDoesNothing() {
    String id = Executions.startId(user, delayThenLog(1000));
    Instant until = Instant.parse(awaitPending(id).getString("resumeAt"));

    HttpResponse<String> cancelled = Executions.cancel(id, user);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    // Past the delay's end the continuation has arrived; the execution stays as cancelled.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Instant.now().isAfter(until.plusSeconds(2)));
    JsonObject after = Executions.get(id, viewer);
    assertThat(after.getString("status")).isEqualTo("cancelled");
    assertThat(after.getJsonObject("steps").keySet()).containsExactly("wait");
    assertThat(after.containsKey("resumeAt")).isFalse();
    assertThat(after.getInt("attempts")).isEqualTo(1);
  }

  @Test
  void retry_afterAFailedStep_resumesWithoutRepeatingRecordedSteps() {
    String base = "http://127.0.0.1:" + peer.getAddress().getPort();
    int hitsBefore = HITS.get();
    FLAKY_CALLS.set(0);
    String workflow =
        Executions.createActive(
            user,
            """
            {"name": "hit", "type": "http", "url": "%s/hit"},
            {"name": "save", "type": "store", "key": "out.txt", "content": "saved once"},
            {"name": "flaky", "type": "http", "url": "%s/flaky"}
            """
                .formatted(base, base));

    String id = Executions.startId(user, workflow);

    JsonObject done = Executions.awaitStatus(id, "succeeded", viewer);
    assertThat(done.getInt("attempts")).isEqualTo(2);
    assertThat(FLAKY_CALLS.get()).isEqualTo(2);
    assertThat(HITS.get() - hitsBefore).as("the recorded http step ran once").isEqualTo(1);
    JsonObject steps = done.getJsonObject("steps");
    assertThat(steps.getJsonObject("hit").getJsonObject("body").getInt("count"))
        .isEqualTo(HITS.get());
    assertThat(steps.getJsonObject("save").getString("key")).endsWith("/out.txt");
    assertThat(steps.getJsonObject("flaky").getInt("status")).isEqualTo(200);
  }

  /** Creates a workflow {@code wait} (a delay) then {@code after} (a log); returns its id. */
  private static String delayThenLog(long durationMs) {
    return Executions.createActive(
        user,
        """
        {"name": "wait", "type": "delay", "durationMs": %d},
        {"name": "after", "type": "log", "message": "after the delay"}
        """
            .formatted(durationMs));
  }

  /** Waits until the execution is paused at a delay (its resume time is shown). */
  private static JsonObject awaitPending(String id) {
    return Executions.awaitView(id, viewer, view -> view.containsKey("resumeAt"));
  }
}
