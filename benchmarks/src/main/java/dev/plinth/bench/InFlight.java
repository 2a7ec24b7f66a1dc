package dev.plinth.bench;

import jakarta.jms.CompletionListener;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A bounded window of messages sent but not yet confirmed (or consumed), per thread: an operation
 * takes a permit and the confirmation gives it back, so the measured rate is the confirmed rate,
 * not the rate of filling a client buffer. At the end of each iteration the window is drained.
 */
@State(Scope.Thread)
public class InFlight {
  /** Messages a thread may have in flight. */
  static final int WINDOW = 512;

  private final Semaphore permits = new Semaphore(WINDOW);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** A JMS listener that gives the permit back when the broker confirms. */
  final CompletionListener jmsListener =
      new CompletionListener() {
        @Override
        public void onCompletion(jakarta.jms.Message message) {
          permits.release();
        }

        @Override
        public void onException(jakarta.jms.Message message, Exception e) {
          failed(e);
        }
      };

  /**
   * Takes a permit, waiting while the window is full.
   *
   * @throws InterruptedException if interrupted
   */
  void acquire() throws InterruptedException {
    permits.acquire();
  }

  /** Gives a permit back. */
  void release() {
    permits.release();
  }

  /**
   * Records a failed send and gives its permit back.
   *
   * @param error the failure
   */
  void failed(Throwable error) {
    failure.compareAndSet(null, error);
    permits.release();
  }

  /**
   * Waits for every message in flight, then fails the iteration if any send failed.
   *
   * @throws InterruptedException if interrupted
   */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    if (!permits.tryAcquire(WINDOW, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("messages still in flight after 60 s");
    }
    permits.release(WINDOW);
    Throwable error = failure.getAndSet(null);
    if (error != null) {
      throw new IllegalStateException("a send failed: " + error, error);
    }
  }
}
