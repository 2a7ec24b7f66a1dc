package dev.plinth.server.security;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Enforces {@link RolesAllowed}, {@link PermitAll} and {@link DenyAll} on resource methods (the
 * method's annotation wins over the class's). A method with none of them requires an authenticated
 * caller: secure by default.
 */
@Provider
public final class RolesAllowedFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    RoleCheckFilter filter = filterFor(method);
    if (filter == null) {
      filter = filterFor(resource.getResourceClass());
    }
    if (filter == null) {
      filter = RoleCheckFilter.authenticated();
    }
    if (filter != RoleCheckFilter.PERMIT_ALL) {
      context.register(filter);
    }
  }

  private static RoleCheckFilter filterFor(AnnotatedElement element) {
    if (element == null) {
      return null;
    }
    if (element.isAnnotationPresent(DenyAll.class)) {
      return RoleCheckFilter.denyAll();
    }
    RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
    if (roles != null) {
      return RoleCheckFilter.anyOf(Set.of(roles.value()));
    }
    if (element.isAnnotationPresent(PermitAll.class)) {
      return RoleCheckFilter.PERMIT_ALL;
    }
    return null;
  }
}
