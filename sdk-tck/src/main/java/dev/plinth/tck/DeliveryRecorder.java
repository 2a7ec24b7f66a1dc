package dev.plinth.tck;

import dev.plinth.queue.Delivery;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a test handler saw, from any thread, with the time each delivery arrived. */
final class DeliveryRecorder {
  /**
   * One recorded delivery.
   *
   * @param delivery what the handler received
   * @param nanoTime {@link System#nanoTime()} when it arrived
   * @param correlationId the correlation id current on the handler thread, or null
   */
  record Seen(Delivery delivery, long nanoTime, String correlationId) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  /** Records a delivery with the thread's current correlation id. */
  void record(Delivery delivery) {
    seen.add(
        new Seen(
            delivery,
            System.nanoTime(),
            dev.plinth.telemetry.CorrelationContext.current().orElse(null)));
  }

  List<Seen> all() {
    return List.copyOf(seen);
  }

  List<Delivery> deliveries() {
    return seen.stream().map(Seen::delivery).toList();
  }

  List<Integer> attempts() {
    return seen.stream().map(s -> s.delivery().attempt()).toList();
  }

  List<String> bodies() {
    return seen.stream().map(s -> s.delivery().message().bodyAsText()).toList();
  }

  int count() {
    return seen.size();
  }
}
