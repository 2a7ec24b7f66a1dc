package dev.plinth.server.logging;

import dev.plinth.telemetry.CorrelationContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds the current correlation id to every log record Liberty writes while a request or message is
 * handled: with JSON logging it appears as the field {@code ext_correlationId}. It registers a
 * Liberty {@code LogRecordContext} extension whose value is {@link CorrelationContext#current()},
 * so application code just uses {@code java.util.logging} and gets the id for free.
 *
 * <p>The Liberty API is called reflectively so the application still deploys (without the field) on
 * another server.
 */
@WebListener
public class CorrelationLogExtension implements ServletContextListener {
  /** The extension name; Liberty's JSON logs prefix it with {@code ext_}. */
  public static final String FIELD = "correlationId";

  private static final Logger LOG = Logger.getLogger(CorrelationLogExtension.class.getName());
  private static final String API = "com.ibm.websphere.logging.hpel.LogRecordContext";

  // Liberty holds extensions through weak references: this listener keeps ours alive.
  private Object extension;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      Class<?> context = Class.forName(API);
      Class<?> extensionType = Class.forName(API + "$Extension");
      extension =
          Proxy.newProxyInstance(
              extensionType.getClassLoader(),
              new Class<?>[] {extensionType},
              (proxy, method, args) -> invoke(proxy, method, args));
      context
          .getMethod("registerExtension", String.class, extensionType)
          .invoke(null, FIELD, extension);
    } catch (ClassNotFoundException e) {
      LOG.fine("Not on Liberty: log records carry no correlation id field.");
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not add the correlation id to log records", e);
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    try {
      if (extension != null) {
        Class.forName(API).getMethod("unregisterExtension", String.class).invoke(null, FIELD);
        extension = null;
      }
    } catch (ClassNotFoundException e) {
      // Nothing was registered.
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Could not remove the correlation id log extension", e);
    }
  }

  private static Object invoke(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "getValue" -> CorrelationContext.current().orElse(null);
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "CorrelationLogExtension";
      default -> throw new UnsupportedOperationException(method.getName());
    };
  }
}
