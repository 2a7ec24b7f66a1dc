package dev.plinth.examples;

import dev.plinth.core.Platform;
import dev.plinth.queue.Backoff;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.Delivery;
import dev.plinth.queue.Message;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue worker: consumes jobs with several threads, retries transient failures with backoff and
 * reports what ended in the dead letters and why. Job {@code n} fails once when {@code n % 5 == 0}
 * (then succeeds on retry), is rejected as invalid when {@code n % 7 == 0} (dead-lettered at once)
 * and always fails when {@code n % 11 == 0} (dead-lettered after the last attempt).
 */
public final class Worker {

  /**
   * What the worker did.
   *
   * @param succeeded jobs acknowledged
   * @param retries failed attempts that were retried
   * @param deadLetters dead letters by reason
   */
  public record Report(int succeeded, int retries, Map<String, List<String>> deadLetters) {}

  private Worker() {}

  /**
   * Runs the worker on the profile from the environment.
   *
   * @param args optional: the number of jobs (default 50)
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    try (Platform platform = Platform.fromEnvironment()) {
      Report report = run(platform, jobs, System.out);
      System.out.printf(
          "succeeded=%d retries=%d deadLetters=%s%n",
          report.succeeded(), report.retries(), report.deadLetters());
    }
  }

  /**
   * Sends {@code jobs} jobs, consumes them with 4 threads and waits until each is settled.
   *
   * @param platform the platform
   * @param jobs how many jobs
   * @param out where to print progress
   * @return the report
   * @throws InterruptedException if interrupted while waiting
   */
  public static Report run(Platform platform, int jobs, PrintStream out)
      throws InterruptedException {
    String queue = "worker-jobs";
    platform.queue().deadLetters(queue).purge();
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    SubscribeOptions options =
        SubscribeOptions.defaults()
            .withConcurrency(4)
            .withMaxAttempts(3)
            .withBackoff(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)));
    try (Subscription ignored =
        platform
            .queue()
            .subscribe(queue, delivery -> handle(delivery, succeeded, retries), options)) {
      List<Message> batch = new ArrayList<>();
      for (int n = 1; n <= jobs; n++) {
        batch.add(
            Message.builder(Integer.toString(n).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .messageId("job-" + n)
                .build());
      }
      platform.queue().sendBatch(queue, batch);
      long expectedDead = countDead(jobs);
      awaitSettled(platform, queue, succeeded, jobs - expectedDead, expectedDead);
    }
    Map<String, List<String>> byReason = new TreeMap<>();
    for (DeadLetter letter : platform.queue().deadLetters(queue).list(1000)) {
      byReason
          .computeIfAbsent(letter.reason(), r -> new ArrayList<>())
          .add(letter.message().bodyAsText());
    }
    out.printf("worker: %d succeeded, %d retries%n", succeeded.get(), retries.get());
    byReason.forEach((reason, ids) -> out.printf("worker: dead letters [%s]: %s%n", reason, ids));
    return new Report(succeeded.get(), retries.get(), byReason);
  }

  private static Outcome handle(Delivery delivery, AtomicInteger succeeded, AtomicInteger retries) {
    int n = Integer.parseInt(delivery.message().bodyAsText());
    if (n % 7 == 0) {
      return Outcome.deadLetter("invalid-job", "job " + n + " is divisible by 7");
    }
    if (n % 11 == 0 || (n % 5 == 0 && delivery.attempt() == 1)) {
      retries.incrementAndGet();
      throw new IllegalStateException("job " + n + " failed on attempt " + delivery.attempt());
    }
    succeeded.incrementAndGet();
    return Outcome.ack();
  }

  static long countDead(int jobs) {
    long dead = 0;
    for (int n = 1; n <= jobs; n++) {
      if (n % 7 == 0 || n % 11 == 0) {
        dead++;
      }
    }
    return dead;
  }

  private static void awaitSettled(
      Platform platform, String queue, AtomicInteger succeeded, long ok, long dead)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (succeeded.get() >= ok && platform.queue().deadLetters(queue).count() >= dead) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException("jobs were not settled within 60 s");
  }
}
