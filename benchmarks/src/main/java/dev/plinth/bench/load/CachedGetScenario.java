package dev.plinth.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Cached {@code GET /api/v1/executions/{id}}: closed loop, {@code threads} blocking clients, each
 * sending its next request as soon as the previous one answered, for a fixed time and at most
 * {@link #MAX_REQUESTS} requests.
 */
final class CachedGetScenario {
  private static final long MAX_REQUESTS = 10_000_000;
  private static final int WARM_UP_SECONDS = 3;

  private final PlinthClient client;
  private final int threads;
  private final int seconds;

  CachedGetScenario(PlinthClient client, int threads, int seconds) {
    this.client = client;
    this.threads = threads;
    this.seconds = seconds;
  }

  /**
   * Runs the warm-up and the measurement on one finished execution (its entry stays cached).
   *
   * @param executionId a finished execution
   * @return the measured figures
   */
  LatencyStats.Summary run(String executionId) throws Exception {
    loop(executionId, new LatencyStats(), WARM_UP_SECONDS);
    LatencyStats stats = new LatencyStats();
    long elapsed = loop(executionId, stats, seconds);
    return stats.summary(elapsed);
  }

  private long loop(String executionId, LatencyStats stats, int durationSeconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(durationSeconds);
    long perThread = MAX_REQUESTS / threads;
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> worker(executionId, stats, end, perThread)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
    }
  }

  private Void worker(String executionId, LatencyStats stats, long end, long maxRequests)
      throws InterruptedException {
    for (long n = 0; n < maxRequests && System.nanoTime() < end; n++) {
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> response = client.getExecution(executionId);
        if (response.statusCode() == 200) {
          stats.record(System.nanoTime() - t0);
        } else {
          stats.error();
        }
      } catch (IOException e) {
        stats.error();
      }
    }
    return null;
  }
}
