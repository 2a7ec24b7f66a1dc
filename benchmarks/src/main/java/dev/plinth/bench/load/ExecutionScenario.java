package dev.plinth.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/workflows/{id}/executions} end to end: an open loop starts executions at a
 * target rate for a fixed time (asynchronous client, at most {@link #MAX_IN_FLIGHT} requests
 * outstanding), then waits until every accepted execution succeeded or a deadline passed, and
 * counts the lost ones (never succeeded) and the duplicated ones (more succeeded transitions on the
 * server's counter than executions that succeeded on the server, or more than one attempt).
 *
 * <p>A POST whose response the driver did not get (client timeout on an overloaded server) may
 * still have created an execution: those are counted from the server's list ({@code GET
 * /executions?workflow=...}), awaited like the others, and reported as created/unfinished on the
 * server, so they count neither as duplicates nor as lost.
 */
final class ExecutionScenario {
  private static final int MAX_IN_FLIGHT = 512;
  private static final long TICK_MILLIS = 10;
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
  private static final Pattern ATTEMPTS = Pattern.compile("\"attempts\"\\s*:\\s*(\\d+)");
  private static final Pattern SUCCEEDED_COUNTER =
      Pattern.compile(
          "^plinth_server_executions_total\\{[^}]*status=\"succeeded\"[^}]*\\}\\s+([0-9.eE+-]+)",
          Pattern.MULTILINE);

  private final PlinthClient client;
  private final int rate;
  private final int seconds;

  ExecutionScenario(PlinthClient client, int rate, int seconds) {
    this.client = client;
    this.rate = rate;
    this.seconds = seconds;
  }

  /**
   * Runs the scenario.
   *
   * @param workflowId an active workflow
   * @return the figures
   */
  Result run(String workflowId) throws Exception {
    double counterBefore = succeededCounter();
    long createdBefore = serverCount(workflowId, null);
    long succeededBefore = serverCount(workflowId, "succeeded");
    LatencyStats accepted = new LatencyStats();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicLong saturated = new AtomicLong();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long total = (long) rate * seconds;
    long start = System.nanoTime();
    for (long n = 0; n < total; n++) {
      long due = start + n * TimeUnit.SECONDS.toNanos(1) / rate;
      long wait = due - System.nanoTime();
      if (wait > TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (!inFlight.tryAcquire()) {
        saturated.incrementAndGet();
        continue;
      }
      long t0 = System.nanoTime();
      client
          .startExecution(workflowId, n)
          .whenComplete(
              (response, failure) -> {
                inFlight.release();
                if (failure == null && response.statusCode() == 202) {
                  accepted.record(System.nanoTime() - t0);
                  ids.add(PlinthClient.id(response.body()));
                } else {
                  accepted.error();
                }
              });
    }
    long sendNanos = System.nanoTime() - start;
    inFlight.acquire(MAX_IN_FLIGHT);
    inFlight.release(MAX_IN_FLIGHT);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(60, seconds * 4));
    Drain drain = drain(ids, deadline);
    long created = serverCount(workflowId, null) - createdBefore;
    // Executions created by POSTs that timed out on the client: wait for them too (same deadline).
    while (serverCount(workflowId, "succeeded") - succeededBefore < created
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    // Counter first, then the list: an execution finishing in between can only lower the count
    // of duplicates, never invent one.
    double counterAfter = succeededCounter();
    long succeededOnServer = serverCount(workflowId, "succeeded") - succeededBefore;
    long succeeded = ids.size() - drain.lost();
    long duplicated =
        Double.isNaN(counterBefore) || Double.isNaN(counterAfter)
            ? -1
            : Math.max(0, Math.round(counterAfter - counterBefore) - succeededOnServer);
    return new Result(
        rate,
        seconds,
        accepted.summary(sendNanos),
        saturated.get(),
        succeeded,
        drain.lost(),
        duplicated,
        drain.retried(),
        succeeded / (sendNanos / 1e9 + drain.lastSucceededAfterSend()),
        drain.lastSucceededAfterSend(),
        created,
        Math.max(0, created - succeededOnServer));
  }

  private Drain drain(Set<String> ids, long deadline) throws Exception {
    Set<String> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(ids);
    AtomicLong retried = new AtomicLong();
    long drainStart = System.nanoTime();
    long lastSucceeded = drainStart;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      while (!pending.isEmpty() && System.nanoTime() < deadline) {
        List<String> round = new ArrayList<>(pending);
        CountDownLatch done = new CountDownLatch(round.size());
        List<Future<?>> futures = new ArrayList<>();
        for (String id : round) {
          futures.add(pool.submit(() -> check(id, pending, retried, done)));
        }
        done.await();
        if (pending.size() < round.size()) {
          lastSucceeded = System.nanoTime();
        }
        if (!pending.isEmpty()) {
          Thread.sleep(500);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Drain(pending.size(), retried.get(), (lastSucceeded - drainStart) / 1e9);
  }

  private void check(String id, Set<String> pending, AtomicLong retried, CountDownLatch done) {
    try {
      HttpResponse<String> response = client.getExecution(id);
      if (response.statusCode() == 200
          && "succeeded".equals(PlinthClient.status(response.body()))) {
        pending.remove(id);
        Matcher attempts = ATTEMPTS.matcher(response.body());
        if (attempts.find() && Integer.parseInt(attempts.group(1)) > 1) {
          retried.incrementAndGet();
        }
      }
    } catch (IOException e) {
      // Still pending: checked again in the next round.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      done.countDown();
    }
  }

  private long serverCount(String workflowId, String status)
      throws IOException, InterruptedException {
    String query = "/api/v1/executions?size=1&workflow=" + workflowId;
    HttpResponse<String> response =
        client.getAuthorized(status == null ? query : query + "&status=" + status);
    Matcher m = TOTAL.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IOException("GET " + query + " answered " + response.statusCode());
    }
    return Long.parseLong(m.group(1));
  }

  private double succeededCounter() throws IOException, InterruptedException {
    HttpResponse<String> response = client.getPublic("/prometheus");
    double sum = Double.NaN;
    Matcher m = SUCCEEDED_COUNTER.matcher(response.body());
    while (m.find()) {
      sum = (Double.isNaN(sum) ? 0 : sum) + Double.parseDouble(m.group(1));
    }
    return sum;
  }

  private record Drain(long lost, long retried, double lastSucceededAfterSend) {}

  /**
   * The figures of one run.
   *
   * @param targetRate executions started per second, the target
   * @param seconds how long they were started
   * @param accepted latency of the accepted POSTs (202) and the errors
   * @param saturated starts skipped because {@link #MAX_IN_FLIGHT} requests were outstanding
   * @param succeeded accepted executions seen {@code succeeded}
   * @param lost accepted executions never seen {@code succeeded} before the deadline
   * @param duplicated succeeded transitions on the server's counter beyond the executions ({@code
   *     -1} when {@code /prometheus} has no such counter)
   * @param retried executions that succeeded after more than one attempt
   * @param completedPerSecond succeeded executions per second, first POST to last success
   * @param drainSeconds from the last POST to the last execution seen succeeded
   * @param createdOnServer executions of the workflow the server created during the scenario (more
   *     than the accepted ones when POSTs timed out on the client)
   * @param unfinishedOnServer of those, how many had not succeeded at the end
   */
  record Result(
      int targetRate,
      int seconds,
      LatencyStats.Summary accepted,
      long saturated,
      long succeeded,
      long lost,
      long duplicated,
      long retried,
      double completedPerSecond,
      double drainSeconds,
      long createdOnServer,
      long unfinishedOnServer) {}
}
