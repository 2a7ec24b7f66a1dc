package dev.plinth.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Starts the platform with the application rather than on the first request, so a bad {@code
 * plinth.*} setting fails the deployment at once, with the key named in the log.
 */
@ApplicationScoped
public class PlatformStartup {

  /**
   * Starts the platform.
   *
   * @param event the application-scope initialisation event
   * @param producer the platform holder
   */
  void onStart(
      @Observes @Initialized(ApplicationScoped.class) Object event, PlatformProducer producer) {
    producer.platform();
  }
}
