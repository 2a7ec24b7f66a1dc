package dev.plinth.server;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API of the reference server, under {@code /api/v1}. The roles are the Plinth roles the
 * bearer mechanism hands the container as groups; Liberty maps each group to the role of the same
 * name (no {@code <application-bnd>} needed).
 */
@ApplicationPath("/api/v1")
@DeclareRoles({"admin", "user", "viewer"})
public class PlinthApplication extends Application {}
