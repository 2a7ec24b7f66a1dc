package dev.plinth.core.memory;

import dev.plinth.error.NotFoundException;
import dev.plinth.queue.DeadLetter;
import dev.plinth.queue.DeadLetters;
import dev.plinth.queue.Message;
import dev.plinth.spi.queue.QueueHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The dead letters of one {@link MemoryQueue}, oldest first, stored as dead-letter messages. */
final class MemoryDeadLetters implements DeadLetters {
  private final MemoryQueue queue;
  private final LinkedHashMap<String, Message> stored = new LinkedHashMap<>();

  MemoryDeadLetters(MemoryQueue queue) {
    this.queue = queue;
  }

  /** Stores a message built by {@link QueueHeaders#forDeadLetter}. */
  synchronized void store(Message deadLetter) {
    stored.put(UUID.randomUUID().toString(), deadLetter);
  }

  @Override
  public synchronized List<DeadLetter> list(int max) {
    return stored.entrySet().stream()
        .limit(max)
        .map(e -> QueueHeaders.toDeadLetter(e.getKey(), queue.name(), e.getValue()))
        .toList();
  }

  @Override
  public synchronized Optional<DeadLetter> peek(String id) {
    return Optional.ofNullable(stored.get(id))
        .map(m -> QueueHeaders.toDeadLetter(id, queue.name(), m));
  }

  @Override
  public void redrive(String id) {
    Message message;
    synchronized (this) {
      message = stored.remove(id);
    }
    if (message == null) {
      throw new NotFoundException(
          "No dead letter '" + id + "' in queue '" + queue.name() + "': list them to get ids");
    }
    queue.redrive(message);
  }

  @Override
  public synchronized boolean delete(String id) {
    return stored.remove(id) != null;
  }

  @Override
  public synchronized long purge() {
    long count = stored.size();
    stored.clear();
    return count;
  }

  @Override
  public synchronized long count() {
    return stored.size();
  }
}
