package dev.plinth.local.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one blocking file operation (an fsync) on a small shared pool while the calling thread does
 * another, so that two fsyncs wait for the disk once instead of one after the other. The pool never
 * queues: when all its threads are busy the caller runs the operation itself, which is the plain
 * sequential order, so a burst of writers degrades to the old cost instead of waiting in a queue.
 * Its threads are daemons and exit when idle, so the pool needs no closing.
 */
final class OverlappedSync {
  private static final int MAX_THREADS = 16;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ThreadPoolExecutor POOL =
      new ThreadPoolExecutor(
          0,
          MAX_THREADS,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          task -> {
            Thread thread = new Thread(task, "plinth-fs-fsync-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  private OverlappedSync() {}

  /** A file operation that may fail with an {@link IOException}. */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }

  /**
   * Starts an operation on the pool, or runs it now when the pool is busy.
   *
   * @param action the operation
   * @return its completion; pass it to {@link #await}
   */
  static CompletableFuture<Void> start(IoAction action) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            action.run();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        POOL);
  }

  /**
   * Waits for an operation and rethrows its failure as it was thrown.
   *
   * @param pending the operation's completion
   * @throws IOException if the operation failed with one
   */
  static void await(CompletableFuture<Void> pending) throws IOException {
    try {
      pending.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Waits for an operation and ignores its outcome: for clean-up paths that must not close or
   * delete a file another thread is still forcing, and that already report an earlier failure.
   *
   * @param pending the operation's completion, or null if none was started
   */
  static void awaitQuietly(CompletableFuture<Void> pending) {
    if (pending != null) {
      try {
        pending.join();
      } catch (CompletionException | CancellationException e) {
        // reported by await, or superseded by the caller's own failure
      }
    }
  }
}
