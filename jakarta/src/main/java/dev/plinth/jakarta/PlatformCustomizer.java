package dev.plinth.jakarta;

import dev.plinth.core.Platform;

/**
 * Adjusts the {@link Platform.Builder} before {@link PlatformProducer} starts the application's
 * platform: add properties or configuration sources, or decorate the telemetry. Declare one as a
 * CDI bean (e.g. {@code @ApplicationScoped}) and the producer applies it; customizers run in no
 * particular order, after the MicroProfile Config source has been added.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TestStorage implements PlatformCustomizer {
 *   public void customize(Platform.Builder builder) {
 *     builder.property("plinth.storage.provider", "memory");
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PlatformCustomizer {

  /**
   * Adjusts the builder.
   *
   * @param builder the builder of the platform about to start
   */
  void customize(Platform.Builder builder);
}
