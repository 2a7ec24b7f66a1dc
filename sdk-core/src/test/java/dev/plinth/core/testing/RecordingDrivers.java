package dev.plinth.core.testing;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.telemetry.Telemetry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only drivers for any port, built as dynamic proxies: they log start and close into {@link
 * #log()}, and their health and failures are configured with {@code
 * plinth.<port>.recording.{health,fail-on-start,fail-on-close}}.
 */
public final class RecordingDrivers {
  private static final List<String> LOG = new ArrayList<>();

  private RecordingDrivers() {}

  /**
   * Returns the lifecycle log: {@code start:<port>:<telemetry seen>} and {@code close:<port>}.
   *
   * @return a snapshot
   */
  public static synchronized List<String> log() {
    return List.copyOf(LOG);
  }

  /** Clears the log. */
  public static synchronized void clear() {
    LOG.clear();
  }

  private static synchronized void append(String entry) {
    LOG.add(entry);
  }

  static <D> D create(Class<D> type, ProviderContext context) {
    String port = context.port();
    if (context.config().getBoolean(context.key("recording.fail-on-start"), false)) {
      throw new ConfigurationException(
          context.key("recording.fail-on-start"), "The " + port + " test driver refused to start");
    }
    append("start:" + port + ":" + context.telemetry().provider());
    String health = context.config().getString(context.key("recording.health"), "UP");
    boolean failOnClose =
        context.config().getBoolean(context.key("recording.fail-on-close"), false);
    Object[] self = new Object[1];
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) ->
                switch (method.getName()) {
                  case "capabilities" -> Capabilities.builder().feature("test." + port).build();
                  case "health" -> health(port, health);
                  case "nativeClient" -> self[0];
                  case "provider" -> "recording";
                  case "toString" -> "RecordingDriver{" + port + "}";
                  case "hashCode" -> System.identityHashCode(p);
                  case "equals" -> p == args[0];
                  case "close" -> {
                    append("close:" + port);
                    if (failOnClose) {
                      throw new IllegalStateException("close failed: " + port);
                    }
                    yield null;
                  }
                  default -> delegate(method, args);
                });
    self[0] = proxy;
    return type.cast(proxy);
  }

  private static Health health(String port, String state) {
    if (state.equals("THROW")) {
      throw new IllegalStateException("health probe of " + port + " exploded");
    }
    return new Health(Health.State.valueOf(state), port + " is " + state, null);
  }

  private static Object delegate(java.lang.reflect.Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass().isAssignableFrom(Telemetry.class)) {
      try {
        return method.invoke(Telemetry.noop(), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
    throw new UnsupportedOperationException("test driver: " + method.getName());
  }
}
