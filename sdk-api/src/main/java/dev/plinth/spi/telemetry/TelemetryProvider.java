package dev.plinth.spi.telemetry;

import dev.plinth.spi.PlinthProvider;

/** Discovers a {@link TelemetryDriver} through {@code META-INF/services}. */
public interface TelemetryProvider extends PlinthProvider<TelemetryDriver> {}
