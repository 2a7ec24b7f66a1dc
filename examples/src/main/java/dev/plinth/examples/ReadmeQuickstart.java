package dev.plinth.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.plinth.cache.Codec;
import dev.plinth.cache.TypedCache;
import dev.plinth.core.Platform;
import dev.plinth.queue.Message;
import dev.plinth.queue.MessageQueue;
import dev.plinth.queue.Outcome;
import dev.plinth.queue.SubscribeOptions;
import dev.plinth.queue.Subscription;
import dev.plinth.storage.BlobInfo;
import dev.plinth.storage.PutOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The README's quickstart, compiled and run by a test so the README stays true. */
public final class ReadmeQuickstart {

  private ReadmeQuickstart() {}

  /**
   * Runs the README snippet on the profile from the environment.
   *
   * @param args unused
   * @return whether the message was consumed within 10 seconds
   * @throws InterruptedException if interrupted while waiting
   */
  public static boolean run(String[] args) throws InterruptedException {
    // README quickstart begins
    try (Platform platform = Platform.fromEnvironment()) { // PLINTH_PROFILE=local by default
      BlobInfo info =
          platform.storage().put("docs/hello.txt", "Hello".getBytes(UTF_8), PutOptions.none());

      TypedCache<String> cache = platform.cache().typed(Codec.utf8());
      String greeting =
          cache.getOrLoad("greeting", Duration.ofMinutes(5), key -> "hi").orElseThrow();

      MessageQueue queue = platform.queue();
      CountDownLatch consumed = new CountDownLatch(1);
      SubscribeOptions options = SubscribeOptions.defaults().withMaxAttempts(3);
      try (Subscription s = queue.subscribe("orders", d -> ack(consumed), options)) {
        queue.send("orders", Message.ofText("order-1 for " + info.etag() + greeting));
        return consumed.await(10, TimeUnit.SECONDS);
      }
    }
    // README quickstart ends
  }

  private static Outcome ack(CountDownLatch consumed) {
    consumed.countDown();
    return Outcome.ack();
  }
}
