package dev.plinth.local.queue;

import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.queue.SubscribeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A consumer in its own JVM for {@link ArtemisKilledConsumerTest}: subscribes to a remote broker,
 * and on the first delivery writes "message id, attempt" to a marker file and then blocks inside
 * the handler until the test kills the process. Arguments: broker URL, queue, marker file,
 * connection TTL.
 */
final class KilledConsumerMain {
  private KilledConsumerMain() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args[0];
    String queue = args[1];
    Path marker = Path.of(args[2]);
    String connectionTtl = args[3];
    Platform platform =
        Platform.builder()
            .profile(Profile.MEMORY)
            .property("plinth.queue.provider", "artemis")
            .property("plinth.queue.artemis.mode", "remote")
            .property("plinth.queue.artemis.url", url)
            .property("plinth.queue.artemis.connection-ttl", connectionTtl)
            .build();
    CountDownLatch never = new CountDownLatch(1);
    platform
        .queue()
        .subscribe(
            queue,
            delivery -> {
              write(marker, delivery.message().messageId() + "," + delivery.attempt());
              never.await(); // killed here, before any outcome reaches the broker
              throw new IllegalStateException("unreachable");
            },
            SubscribeOptions.defaults().withMaxAttempts(3));
    never.await();
  }

  private static void write(Path marker, String line) {
    try {
      Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
      Files.writeString(temp, line, StandardCharsets.UTF_8);
      Files.move(temp, marker); // atomic: the test never reads half a line
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
