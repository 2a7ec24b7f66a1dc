package dev.plinth.core.auth;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.internal.Unwrapper;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Authenticator} every provider is used through: strips {@code Bearer }, refuses missing
 * tokens, records {@link PlinthMetrics#AUTH_SUCCESSES}, {@link PlinthMetrics#AUTH_FAILURES} and
 * {@link PlinthMetrics#AUTH_DURATION}, and turns unexpected driver errors into {@link
 * ProviderUnavailableException}. Token text never appears in a message.
 *
 * <p>Tokens that verified are remembered in a {@link VerifiedTokenCache} ({@value #CACHE_SIZE_KEY},
 * default {@value #DEFAULT_CACHE_SIZE}, {@code 0} disables it) until the earlier of their expiry
 * and {@value #CACHE_MAX_TTL_KEY} (default 5 minutes), so a server re-verifying the same bearer
 * token on every request pays one signature check. A cached token therefore stays accepted for at
 * most that long after its signing key is retired.
 */
public final class PortableAuthenticator implements Authenticator, AutoCloseable {
  /** Key of the most verified tokens remembered; {@code 0} turns the cache off. */
  public static final String CACHE_SIZE_KEY = "plinth.auth.verified-token-cache.size";

  /** Key of the longest a verified token is trusted before it is verified again. */
  public static final String CACHE_MAX_TTL_KEY = "plinth.auth.verified-token-cache.max-ttl";

  /** Default of {@link #CACHE_SIZE_KEY}. */
  public static final int DEFAULT_CACHE_SIZE = 10_000;

  /** Default of {@link #CACHE_MAX_TTL_KEY}. */
  public static final Duration DEFAULT_CACHE_MAX_TTL = Duration.ofMinutes(5);

  private static final String BEARER = "bearer ";

  private final String provider;
  private final AuthenticatorDriver driver;
  private final AuthInstruments instruments;
  private final VerifiedTokenCache cache;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Wraps a driver with the default verified-token cache.
   *
   * @param provider the provider name, for metrics and messages
   * @param driver the started driver
   * @param telemetry where metrics go
   */
  public PortableAuthenticator(String provider, AuthenticatorDriver driver, Telemetry telemetry) {
    this(provider, driver, telemetry, DEFAULT_CACHE_SIZE, DEFAULT_CACHE_MAX_TTL, Clock.systemUTC());
  }

  /**
   * Wraps a driver, with the verified-token cache configured by {@value #CACHE_SIZE_KEY} and
   * {@value #CACHE_MAX_TTL_KEY}.
   *
   * @param provider the provider name, for metrics and messages
   * @param driver the started driver
   * @param telemetry where metrics go
   * @param config the merged configuration
   */
  public PortableAuthenticator(
      String provider, AuthenticatorDriver driver, Telemetry telemetry, PlinthConfig config) {
    this(provider, driver, telemetry, cacheSize(config), cacheMaxTtl(config), Clock.systemUTC());
  }

  /** As the public constructors, with explicit cache settings and clock (for tests). */
  PortableAuthenticator(
      String provider,
      AuthenticatorDriver driver,
      Telemetry telemetry,
      int cacheSize,
      Duration cacheMaxTtl,
      Clock clock) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.driver = Objects.requireNonNull(driver, "driver");
    this.instruments =
        new AuthInstruments(provider, Objects.requireNonNull(telemetry, "telemetry"));
    this.cache = cacheSize == 0 ? null : new VerifiedTokenCache(cacheSize, cacheMaxTtl, clock);
  }

  private static int cacheSize(PlinthConfig config) {
    int size = config.getInt(CACHE_SIZE_KEY, DEFAULT_CACHE_SIZE);
    if (size < 0) {
      throw PlinthConfig.invalid(
          CACHE_SIZE_KEY, Integer.toString(size), "0 (off) or a positive entry count, e.g. 10000");
    }
    return size;
  }

  private static Duration cacheMaxTtl(PlinthConfig config) {
    Duration ttl = config.getDuration(CACHE_MAX_TTL_KEY, DEFAULT_CACHE_MAX_TTL);
    if (ttl.isNegative() || ttl.isZero()) {
      throw PlinthConfig.invalid(CACHE_MAX_TTL_KEY, ttl.toString(), "a positive duration, e.g. 5m");
    }
    return ttl;
  }

  @Override
  public Principal authenticate(String bearerToken) {
    long start = instruments.start();
    try {
      String token = stripBearer(bearerToken);
      Principal principal;
      if (cache == null) {
        principal = driver.authenticate(token);
      } else {
        VerifiedTokenCache.Digest digest = cache.digest(token);
        principal = cache.find(digest);
        if (principal == null) {
          principal = driver.authenticate(token);
          cache.remember(digest, principal);
        }
      }
      instruments.success(principal.kind());
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
      instruments.stop(start);
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
    instruments.failure(reason);
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
