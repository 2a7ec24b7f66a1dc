package dev.plinth.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.Principal;
import dev.plinth.config.PlinthConfig;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The verified-token cache of {@link PortableAuthenticator}, driven through the authenticator. */
class VerifiedTokenCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
  private static final String GOOD = "good-token";
  private static final String FORGED = "forged-token";

  private final MutableClock clock = new MutableClock(T0);
  private final List<String> verified = new CopyOnWriteArrayList<>();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private Instant tokenExpiry = T0.plus(Duration.ofHours(1));

  /** A driver that accepts {@link #GOOD} (and tokens starting with "t") and counts its calls. */
  private final AuthenticatorDriver driver =
      new AuthenticatorDriver() {
        @Override
        public Principal authenticate(String token) {
          verified.add(token);
          if (!token.equals(GOOD) && !token.startsWith("t")) {
            throw new AuthenticationException(
                AuthenticationException.Reason.BAD_SIGNATURE, "signature does not verify");
          }
          if (!clock.instant().isBefore(tokenExpiry)) {
            throw new AuthenticationException(AuthenticationException.Reason.EXPIRED, "expired");
          }
          return new Principal(
              token,
              null,
              null,
              null,
              Principal.Kind.USER,
              null,
              null,
              null,
              false,
              tokenExpiry,
              Map.of());
        }

        @Override
        public Capabilities capabilities() {
          return Capabilities.none();
        }

        @Override
        public Health health() {
          return Health.up("ok");
        }

        @Override
        public Object nativeClient() {
          return this;
        }

        @Override
        public void close() {}
      };

  private PortableAuthenticator authenticator(int size, Duration maxTtl) {
    return new PortableAuthenticator("fake", driver, telemetry, size, maxTtl, clock);
  }

  @Test
  void authenticate_sameTokenTwice_verifiesOnceAndCountsBoth() {
    PortableAuthenticator auth = authenticator(10, Duration.ofMinutes(5));

    Principal first = auth.authenticate("Bearer " + GOOD);
    Principal second = auth.authenticate(GOOD);

    assertThat(second).isEqualTo(first);
    assertThat(verified).containsExactly(GOOD);
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.AUTH_SUCCESSES, Tags.of("provider", "fake", "kind", "user")))
        .isEqualTo(2.0);
  }

  @Test
  void authenticate_hitAfterTokenExpiry_verifiesAgainAndRefuses() {
    PortableAuthenticator auth = authenticator(10, Duration.ofHours(2));
    tokenExpiry = T0.plusSeconds(60);
    auth.authenticate(GOOD);

    clock.set(T0.plusSeconds(59));
    auth.authenticate(GOOD);
    clock.set(T0.plusSeconds(60));

    assertThatThrownBy(() -> auth.authenticate(GOOD))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.EXPIRED));
    assertThat(verified).containsExactly(GOOD, GOOD);
  }

  @Test
  void authenticate_afterMaxTtl_verifiesAgain() {
    PortableAuthenticator auth = authenticator(10, Duration.ofMinutes(5));
    auth.authenticate(GOOD);

    clock.set(T0.plus(Duration.ofMinutes(5)));
    auth.authenticate(GOOD);
    auth.authenticate(GOOD);

    assertThat(verified).containsExactly(GOOD, GOOD);
  }

  @Test
  void authenticate_forgedToken_isNeverCached() {
    PortableAuthenticator auth = authenticator(10, Duration.ofMinutes(5));
    auth.authenticate(GOOD);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> auth.authenticate(FORGED))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining(FORGED);
    }

    assertThat(verified).containsExactly(GOOD, FORGED, FORGED);
  }

  @Test
  void authenticate_sizeZero_verifiesEveryTime() {
    PortableAuthenticator auth = authenticator(0, Duration.ofMinutes(5));

    auth.authenticate(GOOD);
    auth.authenticate(GOOD);

    assertThat(verified).containsExactly(GOOD, GOOD);
  }

  @Test
  void authenticate_moreTokensThanTheLimit_staysBounded() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), clock);
    Principal principal =
        new Principal(
            "s", null, null, null, Principal.Kind.USER, null, null, null, false, null, null);

    for (int i = 0; i < 100; i++) {
      cache.remember(cache.digest("t" + i), principal);
    }

    assertThat(cache.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void digest_neverShowsTheToken() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), clock);

    assertThat(cache.digest(GOOD).toString()).doesNotContain(GOOD);
    assertThat(cache.digest(GOOD)).isEqualTo(cache.digest(GOOD)).isNotEqualTo(cache.digest(FORGED));
  }

  @Test
  void digest_nonAsciiAndLongTokens_areDigestedByContent() {
    VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), clock);
    String longToken = "t".repeat(20_000);

    assertThat(cache.digest("tök"))
        .isEqualTo(cache.digest("tök"))
        .isNotEqualTo(cache.digest("tok"));
    assertThat(cache.digest(longToken))
        .isEqualTo(cache.digest("t".repeat(20_000)))
        .isNotEqualTo(cache.digest(longToken + "x"));
    assertThat(cache.digest(GOOD)).isEqualTo(cache.digest(GOOD)); // buffer reuse after long tokens
  }

  @Test
  void constructor_readsSizeFromConfigAndRefusesNegative() {
    PlinthConfig off = new MapPlinthConfig(Map.of(PortableAuthenticator.CACHE_SIZE_KEY, "0"));
    PortableAuthenticator auth = new PortableAuthenticator("fake", driver, telemetry, off);
    auth.authenticate("t1");
    auth.authenticate("t1");
    assertThat(verified).containsExactly("t1", "t1");

    PlinthConfig negative = new MapPlinthConfig(Map.of(PortableAuthenticator.CACHE_SIZE_KEY, "-1"));
    assertThatThrownBy(() -> new PortableAuthenticator("fake", driver, telemetry, negative))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(PortableAuthenticator.CACHE_SIZE_KEY);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
