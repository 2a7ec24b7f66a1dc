package dev.plinth.server.metrics;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a matched resource method into its route template, e.g. {@code /api/v1/workflows/{id}}: a
 * bounded label for metrics, unlike the raw path with its ids.
 */
final class RouteTemplates {
  /** The label of requests that matched no resource method (404, 405). */
  static final String UNMATCHED = "unmatched";

  private final String base;
  private final Map<Method, String> cache = new ConcurrentHashMap<>();

  /**
   * Creates the lookup.
   *
   * @param application the JAX-RS application class, whose {@link ApplicationPath} prefixes routes
   */
  RouteTemplates(Class<?> application) {
    ApplicationPath path = application.getAnnotation(ApplicationPath.class);
    this.base = path == null ? "" : trimSlashes(path.value());
  }

  /**
   * Returns the route of a resource method.
   *
   * @param resource the resource class, or null when nothing matched
   * @param method the resource method, or null when nothing matched
   * @return the template, or {@link #UNMATCHED}
   */
  String of(Class<?> resource, Method method) {
    if (resource == null || method == null) {
      return UNMATCHED;
    }
    return cache.computeIfAbsent(method, m -> build(resource, m));
  }

  private String build(Class<?> resource, Method method) {
    StringBuilder route = new StringBuilder();
    append(route, base);
    Path classPath = resource.getAnnotation(Path.class);
    append(route, classPath == null ? "" : classPath.value());
    Path methodPath = method.getAnnotation(Path.class);
    append(route, methodPath == null ? "" : methodPath.value());
    return route.length() == 0 ? "/" : route.toString();
  }

  private static void append(StringBuilder route, String segment) {
    String trimmed = trimSlashes(segment);
    if (!trimmed.isEmpty()) {
      route.append('/').append(trimmed);
    }
  }

  private static String trimSlashes(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == '/') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == '/') {
      end--;
    }
    return value.substring(start, end);
  }
}
