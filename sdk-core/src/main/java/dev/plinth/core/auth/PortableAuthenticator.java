package dev.plinth.core.auth;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Authenticator} every provider is used through: strips {@code Bearer }, refuses missing
 * tokens, records {@link PlinthMetrics#AUTH_SUCCESSES}, {@link PlinthMetrics#AUTH_FAILURES} and
 * {@link PlinthMetrics#AUTH_DURATION}, and turns unexpected driver errors into {@link
 * ProviderUnavailableException}. Token text never appears in a message.
 */
public final class PortableAuthenticator implements Authenticator, AutoCloseable {
  private static final String BEARER = "bearer ";

  private final String provider;
  private final AuthenticatorDriver driver;
  private final Telemetry telemetry;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a driver.
   *
   * @param provider the provider name, for metrics and messages
   * @param driver the started driver
   * @param telemetry where metrics go
   */
  public PortableAuthenticator(String provider, AuthenticatorDriver driver, Telemetry telemetry) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  @Override
  public Principal authenticate(String bearerToken) {
    long start = System.nanoTime();
    try {
      Principal principal = driver.authenticate(stripBearer(bearerToken));
      telemetry
          .counter(
              PlinthMetrics.AUTH_SUCCESSES,
              Tags.of(
                  "provider", provider, "kind", principal.kind().name().toLowerCase(Locale.ROOT)))
          .increment();
      return principal;
    } catch (AuthenticationException e) {
      recordFailure(e.reason().name().toLowerCase(Locale.ROOT));
      throw e;
    } catch (PlinthException e) {
      recordFailure(e.code());
      throw e;
    } catch (RuntimeException e) {
      recordFailure("unavailable");
      // The driver's own message may quote the token, so only its type is kept in ours.
      throw new ProviderUnavailableException(
          "Auth provider '"
              + provider
              + "' failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "); retry later or check the provider's health.",
          e);
    } finally {
      telemetry
          .timer(PlinthMetrics.AUTH_DURATION, Tags.of("provider", provider))
          .recordNanos(System.nanoTime() - start);
    }
  }

  private String stripBearer(String bearerToken) {
    String token = bearerToken == null ? "" : bearerToken.strip();
    if (token.equalsIgnoreCase(BEARER.strip())) {
      token = ""; // "Bearer " with nothing after it, already stripped of its space
    } else if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      token = token.substring(BEARER.length()).strip();
    }
    if (token.isEmpty()) {
      throw new AuthenticationException(
          AuthenticationException.Reason.MISSING,
          "No bearer token was presented; send 'Authorization: Bearer <token>'.");
    }
    return token;
  }

  private void recordFailure(String reason) {
    telemetry
        .counter(PlinthMetrics.AUTH_FAILURES, Tags.of("provider", provider, "reason", reason))
        .increment();
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public Capabilities capabilities() {
    return driver.capabilities();
  }

  @Override
  public Health health() {
    return driver.health();
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return Unwrapper.unwrap(
        this, driver, driver.nativeClient(), type, "Auth provider '" + provider + "'");
  }

  /** Closes the driver once; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      driver.close();
    }
  }

  @Override
  public String toString() {
    return "PortableAuthenticator{provider=" + provider + '}';
  }
}
