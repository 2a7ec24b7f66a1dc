package dev.plinth.examples;

import dev.plinth.cache.Codec;
import dev.plinth.core.Platform;
import dev.plinth.queue.Backoff;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The quickstart: stores a file, caches a value, sends two messages (one succeeds, one fails until
 * it lands in the dead letters) and prints the platform description. Runs unchanged on any profile:
 * {@code PLINTH_PROFILE=local} (default) or {@code azure}.
 */
public final class Quickstart {

  private Quickstart() {}

  /**
   * Runs the quickstart on the profile from the environment.
   *
   * @param args unused
   * @throws InterruptedException if interrupted while waiting for the messages
   */
  public static void main(String[] args) throws InterruptedException {
    try (Platform platform = Platform.fromEnvironment()) {
      run(platform, System.out);
    }
  }

  /**
   * Runs every step against a platform.
   *
   * @param platform the platform
   * @param out where to print progress
   * @return the dead letter produced by the failing message
   * @throws InterruptedException if interrupted while waiting for the messages
   */
  public static DeadLetter run(Platform platform, PrintStream out) throws InterruptedException {
    BlobInfo stored =
        platform
            .storage()
            .put(
                "quickstart/hello.txt",
                "Hello, Plinth".getBytes(StandardCharsets.UTF_8),
                PutOptions.none()
                    .contentType("text/plain")
                    .metadata(Map.of("owner", "quickstart")));
    String greeting =
        platform
            .cache()
            .typed(Codec.utf8())
            .getOrLoad("greeting", Duration.ofMinutes(5), key -> "loaded once, then cached")
            .orElseThrow();
    try (Blob blob = platform.storage().get("quickstart/hello.txt")) {
      out.printf(
          "storage: %s (%d bytes, etag %s) -> \"%s\"%n",
          stored.key(),
          stored.size(),
          stored.etag(),
          new String(blob.readAllBytes(), StandardCharsets.UTF_8));
    }
    out.println("cache: greeting = " + greeting);
    DeadLetter deadLetter = sendAndConsume(platform, out);
    out.println("platform: " + platform.describe());
    return deadLetter;
  }

  private static DeadLetter sendAndConsume(Platform platform, PrintStream out)
      throws InterruptedException {
    String queue = "quickstart-orders";
    platform.queue().deadLetters(queue).purge();
    CountDownLatch okHandled = new CountDownLatch(1);
    SubscribeOptions options =
        SubscribeOptions.defaults()
            .withMaxAttempts(3)
            .withBackoff(Backoff.fixed(Duration.ofMillis(200)));
    try (Subscription subscription =
        platform
            .queue()
            .subscribe(
                queue,
                delivery -> {
                  String body = delivery.message().bodyAsText();
                  out.printf("queue: attempt %d of '%s'%n", delivery.attempt(), body);
                  if (body.startsWith("poison")) {
                    throw new IllegalStateException("cannot process " + body);
                  }
                  okHandled.countDown();
                  return Outcome.ack();
                },
                options)) {
      platform
          .queue()
          .sendBatch(queue, List.of(Message.ofText("order-1"), Message.ofText("poison-order-2")));
      if (!okHandled.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("order-1 was not handled within 30 s");
      }
      DeadLetter deadLetter = awaitDeadLetter(platform, queue);
      out.printf(
          "queue: dead letter '%s' reason=%s attempts=%d lastError=%s%n",
          deadLetter.message().bodyAsText(),
          deadLetter.reason(),
          deadLetter.attempts(),
          deadLetter.lastError());
      return deadLetter;
    }
  }

  private static DeadLetter awaitDeadLetter(Platform platform, String queue)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<DeadLetter> letters = platform.queue().deadLetters(queue).list(10);
      if (!letters.isEmpty()) {
        return letters.get(0);
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("the poison message did not reach the dead letters in 30 s");
  }
}
