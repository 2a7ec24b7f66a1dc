/**
 * Plinth for Jakarta EE 10 and MicroProfile applications: add this jar to a WAR and {@code @Inject
 * Platform}, {@code BlobStore}, {@code Cache}, {@code MessageQueue}, {@code Authenticator} and
 * {@code Telemetry} work, configured through MicroProfile Config with the same {@code plinth.*}
 * keys as everywhere else ({@link dev.plinth.jakarta.PlatformProducer}). The jar is an explicit
 * bean archive ({@code META-INF/beans.xml}, annotated discovery), so it works even where implicit
 * bean archives are off. Health checks per port live in {@code dev.plinth.jakarta.health}, the
 * MicroProfile Metrics bridge in {@code dev.plinth.jakarta.metrics}.
 */
package dev.plinth.jakarta;
