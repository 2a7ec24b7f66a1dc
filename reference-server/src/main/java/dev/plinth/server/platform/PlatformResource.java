package dev.plinth.server.platform;

import dev.plinth.core.PlatformDescription;
import dev.plinth.core.PortName;
import dev.plinth.jakarta.PlatformProducer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.TreeSet;

/** {@code GET /platform}: the profile and, per port, the provider and its capabilities. */
@Path("/platform")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {
  @Inject PlatformProducer producer;

  /**
   * Describes the running platform (admin only: it reveals the deployment's topology).
   *
   * @return {@code {"profile", "ports": {"storage": {"provider", "description", "features",
   *     "limits"}, ...}}}
   */
  @GET
  @RolesAllowed("admin")
  public JsonObject describe() {
    PlatformDescription description = producer.platform().describe();
    JsonObjectBuilder ports = Json.createObjectBuilder();
    for (Map.Entry<PortName, PlatformDescription.PortDescription> entry :
        description.ports().entrySet()) {
      PlatformDescription.PortDescription port = entry.getValue();
      JsonObjectBuilder limits = Json.createObjectBuilder();
      port.capabilities().limits().forEach(limits::add);
      ports.add(
          entry.getKey().id(),
          Json.createObjectBuilder()
              .add("provider", port.provider())
              .add("description", port.description())
              .add(
                  "features",
                  Json.createArrayBuilder(new TreeSet<>(port.capabilities().features())))
              .add("limits", limits));
    }
    return Json.createObjectBuilder()
        .add("profile", description.profile().id())
        .add("ports", ports)
        .build();
  }
}
