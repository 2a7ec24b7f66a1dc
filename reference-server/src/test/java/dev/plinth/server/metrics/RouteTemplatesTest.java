package dev.plinth.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.server.PlinthApplication;
import dev.plinth.server.workflow.WorkflowResource;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  private final RouteTemplates routes = new RouteTemplates(PlinthApplication.class);

  @Test
  void of_joinsApplicationClassAndMethodPaths() throws NoSuchMethodException {
    assertThat(
            routes.of(
                WorkflowResource.class, WorkflowResource.class.getMethod("get", String.class)))
        .isEqualTo("/api/v1/workflows/{id}");
    assertThat(
            routes.of(
                WorkflowResource.class,
                WorkflowResource.class.getMethod("list", String.class, String.class, String.class)))
        .isEqualTo("/api/v1/workflows");
  }

  @Test
  void of_nothingMatched_isUnmatched() {
    assertThat(routes.of(null, null)).isEqualTo(RouteTemplates.UNMATCHED);
  }
}
