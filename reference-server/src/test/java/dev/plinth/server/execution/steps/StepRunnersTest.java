package dev.plinth.server.execution.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.plinth.core.Platform;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StepRunnersTest {
  private static Platform platform;
  private static HttpServer server;
  private static StepRunners runners;
  private static final StepContext CONTEXT =
      new StepContext("exec-1", json("{\"who\":\"ada\"}"), json("{\"a\":{\"v\":1}}"));

  @BeforeAll
  static void start() throws IOException {
    platform = Platform.inMemory();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", exchange -> reply(exchange, 200, "{\"echo\":\"ok\"}"));
    server.createContext("/down", exchange -> reply(exchange, 503, "down"));
    server.createContext("/missing", exchange -> reply(exchange, 404, "no"));
    server.start();
    runners =
        StepRunners.standard(
            platform.telemetry(),
            platform.queue(),
            platform.storage(),
            Duration.ZERO,
            Set.of("127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    platform.close();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Test
  void log_emitsTelemetryEvent_andReturnsTheMessage() {
    JsonValue result =
        runners.run(
            json("{\"name\":\"s\",\"type\":\"log\",\"message\":\"hi ${params.who}\"}"), CONTEXT);

    assertThat(result.asJsonObject().getString("logged")).isEqualTo("hi ada");
    RecordingTelemetry recording = platform.telemetry().unwrap(RecordingTelemetry.class);
    assertThat(recording.events())
        .anySatisfy(
            event -> {
              assertThat(event.name()).isEqualTo(LogStep.EVENT);
              assertThat(event.attributes()).containsEntry("message", "hi ada");
            });
  }

  @Test
  void transform_fillsTheOutput() {
    assertThat(
            runners.run(
                json("{\"name\":\"t\",\"type\":\"transform\",\"output\":{\"x\":\"${a.v}\"}}"),
                CONTEXT))
        .isEqualTo(json("{\"x\":1}"));
  }

  @Test
  void delay_isCappedByTheServerMaximum() {
    assertThat(
            runners
                .run(json("{\"name\":\"d\",\"type\":\"delay\",\"durationMs\":300000}"), CONTEXT)
                .asJsonObject()
                .getInt("delayedMs"))
        .isZero();
  }

  @Test
  void fail_throwsRetryable() {
    assertThatThrownBy(
            () ->
                runners.run(json("{\"name\":\"f\",\"type\":\"fail\",\"message\":\"x\"}"), CONTEXT))
        .isInstanceOfSatisfying(
            StepFailedException.class, e -> assertThat(e.isRetryable()).isTrue());
  }

  @Test
  void unknownType_failsWithoutRetry() {
    assertThatThrownBy(() -> runners.run(json("{\"name\":\"u\",\"type\":\"teleport\"}"), CONTEXT))
        .isInstanceOfSatisfying(
            StepFailedException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void store_writesUnderTheExecutionPrefix() throws IOException {
    JsonObject result =
        runners
            .run(
                json(
                    "{\"name\":\"k\",\"type\":\"store\",\"key\":\"out/r.txt\","
                        + "\"content\":\"for ${params.who}\"}"),
                CONTEXT)
            .asJsonObject();

    assertThat(result.getString("key")).isEqualTo("executions/exec-1/out/r.txt");
    try (InputStream in = platform.storage().get("executions/exec-1/out/r.txt").content()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("for ada");
    }
  }

  @Test
  void notify_sendsToTheNotificationsQueue() {
    List<String> bodies = new CopyOnWriteArrayList<>();
    try (Subscription subscription =
        platform
            .queue()
            .subscribe(
                NotifyStep.QUEUE,
                delivery -> {
                  bodies.add(delivery.message().bodyAsText());
                  return Outcome.ack();
                },
                SubscribeOptions.defaults())) {
      runners.run(
          json("{\"name\":\"n\",\"type\":\"notify\",\"message\":\"done ${params.who}\"}"), CONTEXT);

      await().atMost(Duration.ofSeconds(5)).until(() -> !bodies.isEmpty());
      assertThat(json(bodies.get(0)).getString("message")).isEqualTo("done ada");
      assertThat(json(bodies.get(0)).getString("executionId")).isEqualTo("exec-1");
    }
  }

  @Test
  void http_allowedHost_returnsStatusAndJsonBody() {
    JsonObject result =
        runners
            .run(json("{\"name\":\"h\",\"type\":\"http\",\"url\":\"" + url("/ok") + "\"}"), CONTEXT)
            .asJsonObject();

    assertThat(result.getInt("status")).isEqualTo(200);
    assertThat(result.getJsonObject("body").getString("echo")).isEqualTo("ok");
  }

  @Test
  void http_hostNotAllowed_failsWithoutRetry() {
    HttpStep step = new HttpStep(HttpClient.newHttpClient(), Set.of("localhost"));

    assertThatThrownBy(
            () -> step.run(json("{\"name\":\"h\",\"url\":\"" + url("/ok") + "\"}"), CONTEXT))
        .isInstanceOfSatisfying(
            StepFailedException.class,
            e -> {
              assertThat(e.isRetryable()).isFalse();
              assertThat(e).hasMessageContaining("http-allowed-hosts");
            });
  }

  @Test
  void http_serverError_isRetryable_andClientErrorIsNot() {
    assertThatThrownBy(
            () ->
                runners.run(
                    json("{\"name\":\"h\",\"type\":\"http\",\"url\":\"" + url("/down") + "\"}"),
                    CONTEXT))
        .isInstanceOfSatisfying(
            StepFailedException.class, e -> assertThat(e.isRetryable()).isTrue());
    assertThatThrownBy(
            () ->
                runners.run(
                    json("{\"name\":\"h\",\"type\":\"http\",\"url\":\"" + url("/missing") + "\"}"),
                    CONTEXT))
        .isInstanceOfSatisfying(
            StepFailedException.class, e -> assertThat(e.isRetryable()).isFalse());
  }

  @Test
  void needsCheckpoint_onlyBeforeStepsWithAnEffect() {
    for (String pure : List.of("log", "transform", "fail", "no-such-type")) {
      assertThat(runners.needsCheckpoint(json("{\"type\":\"" + pure + "\"}"))).as(pure).isFalse();
    }
    for (String effect : List.of("http", "notify", "store", "delay")) {
      assertThat(runners.needsCheckpoint(json("{\"type\":\"" + effect + "\"}")))
          .as(effect)
          .isTrue();
    }
  }
}
