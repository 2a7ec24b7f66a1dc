package dev.plinth.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.server.PlinthApplication;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll}, and lets a
 * resource method with none of them through: every resource method must say who may call it.
 */
class ResourceSecurityTest {
  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

  @Test
  void everyResourceMethod_declaresWhoMayCallIt() throws Exception {
    List<String> unguarded = new ArrayList<>();
    for (Class<?> resource : resources()) {
      for (Method method : resource.getDeclaredMethods()) {
        boolean endpoint = HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent);
        if (endpoint && !guarded(method) && !guarded(resource)) {
          unguarded.add(resource.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(unguarded).as("resource methods without a security annotation").isEmpty();
  }

  private static boolean guarded(AnnotatedElement element) {
    return element.isAnnotationPresent(RolesAllowed.class)
        || element.isAnnotationPresent(PermitAll.class)
        || element.isAnnotationPresent(DenyAll.class);
  }

  private static List<Class<?>> resources() throws Exception {
    java.nio.file.Path root =
        java.nio.file.Path.of(
            PlinthApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, false, ResourceSecurityTest.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          resources.add(type);
        }
      }
    }
    assertThat(resources).as("resource classes found").hasSizeGreaterThan(5);
    return resources;
  }
}
