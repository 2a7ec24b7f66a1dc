/**
 * Plinth for Jakarta EE 10 and MicroProfile applications: add this jar to a WAR and {@code @Inject
 * BlobStore}, {@code Cache}, {@code MessageQueue}, {@code Authenticator} and {@code Telemetry}
 * work, configured through MicroProfile Config with the same {@code plinth.*} keys as everywhere
 * else.
 */
package dev.plinth.jakarta;
