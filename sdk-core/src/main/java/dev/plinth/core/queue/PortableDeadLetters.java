package dev.plinth.core.queue;

import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Checks arguments the same way for every provider, then delegates to the driver. */
final class PortableDeadLetters implements DeadLetters {
  private static final int MAX_LIST = 1000;

  private final String queue;
  private final DeadLetters driverDeadLetters;

  PortableDeadLetters(String queue, DeadLetters driverDeadLetters) {
    this.queue = queue;
    this.driverDeadLetters = driverDeadLetters;
  }

  @Override
  public List<DeadLetter> list(int max) {
    if (max < 1 || max > MAX_LIST) {
      throw new IllegalArgumentException(
          "max must be 1.."
              + MAX_LIST
              + " when listing dead letters of '"
              + queue
              + "', was "
              + max);
    }
    return driverDeadLetters.list(max);
  }

  @Override
  public Optional<DeadLetter> peek(String id) {
    return driverDeadLetters.peek(requireId(id));
  }

  @Override
  public void redrive(String id) {
    driverDeadLetters.redrive(requireId(id));
  }

  @Override
  public boolean delete(String id) {
    return driverDeadLetters.delete(requireId(id));
  }

  @Override
  public long purge() {
    return driverDeadLetters.purge();
  }

  @Override
  public long count() {
    return driverDeadLetters.count();
  }

  private static String requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("A dead letter id must not be blank");
    }
    return id;
  }
}
