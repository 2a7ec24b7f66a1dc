/**
 * MicroProfile Health checks of the Plinth platform: one readiness check per port ({@code
 * plinth-storage}, {@code plinth-cache}, {@code plinth-queue}, {@code plinth-auth}, {@code
 * plinth-telemetry} on {@code /health/ready}) and one liveness check ({@code plinth-platform} on
 * {@code /health/live}). A DEGRADED port, or a DOWN cache, is UP with {@code degraded=true}.
 */
package dev.plinth.jakarta.health;
