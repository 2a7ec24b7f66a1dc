package dev.plinth.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task from many threads at once, for the cache contract's concurrency scenarios. */
final class CacheContractSupport {
  private CacheContractSupport() {}

  /**
   * What one concurrent call produced.
   *
   * @param value the result, or null if it failed
   * @param error the failure, or null if it succeeded
   * @param <T> the result type
   */
  record Result<T>(T value, Throwable error) {}

  /**
   * Starts {@code threads} calls of a task together (behind one gate) and waits for all of them.
   *
   * @param threads how many concurrent calls
   * @param task the call
   * @param <T> the result type
   * @return one result per call
   * @throws Exception if waiting is interrupted or a call hangs for 60 s
   */
  static <T> List<Result<T>> concurrently(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  gate.await();
                  return task.call();
                }));
      }
      gate.countDown();
      List<Result<T>> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(outcome(future));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Result<T> outcome(Future<T> future)
      throws InterruptedException, TimeoutException {
    try {
      return new Result<>(future.get(60, TimeUnit.SECONDS), null);
    } catch (ExecutionException e) {
      return new Result<>(null, e.getCause());
    }
  }
}
