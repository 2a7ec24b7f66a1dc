package dev.plinth.server;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API of the reference server, under {@code /api/v1}. */
@ApplicationPath("/api/v1")
public class PlinthApplication extends Application {}
