package dev.plinth.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.Capabilities;
import dev.plinth.Health;
import dev.plinth.auth.Principal;
import dev.plinth.core.memory.RecordingTelemetry;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.telemetry.PlinthMetrics;
import dev.plinth.telemetry.Tags;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PortableAuthenticatorTest {
  private static final String SECRET_TOKEN = "secret-token-value";

  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final AtomicInteger closes = new AtomicInteger();

  private PortableAuthenticator authenticator(java.util.function.Function<String, Principal> f) {
    AuthenticatorDriver driver =
        new AuthenticatorDriver() {
          @Override
          public Principal authenticate(String token) {
            return f.apply(token);
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
            return "native";
          }

          @Override
          public void close() {
            closes.incrementAndGet();
          }
        };
    return new PortableAuthenticator("fake", driver, telemetry);
  }

  private static Principal principal(String subject) {
    return new Principal(
        subject, null, null, null, Principal.Kind.USER, null, null, null, false, null, Map.of());
  }

  @Test
  void authenticate_stripsBearerAndRecordsSuccess() {
    PortableAuthenticator auth = authenticator(token -> principal(token));

    assertThat(auth.authenticate("bearer  abc ").subject()).isEqualTo("abc");
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.AUTH_SUCCESSES, Tags.of("provider", "fake", "kind", "user")))
        .isEqualTo(1.0);
    assertThat(telemetry.timerCount(PlinthMetrics.AUTH_DURATION, Tags.of("provider", "fake")))
        .isEqualTo(1);
  }

  @Test
  void authenticate_missingToken_recordsFailureWithReason() {
    PortableAuthenticator auth = authenticator(token -> principal(token));

    assertThatThrownBy(() -> auth.authenticate(null))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.MISSING));
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.AUTH_FAILURES, Tags.of("provider", "fake", "reason", "missing")))
        .isEqualTo(1.0);
  }

  @Test
  void authenticate_unexpectedDriverError_becomesUnavailableWithoutToken() {
    PortableAuthenticator auth =
        authenticator(
            token -> {
              throw new IllegalStateException("cannot parse " + token);
            });

    assertThatThrownBy(() -> auth.authenticate(SECRET_TOKEN))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_TOKEN));
    assertThat(
            telemetry.counterValue(
                PlinthMetrics.AUTH_FAILURES, Tags.of("provider", "fake", "reason", "unavailable")))
        .isEqualTo(1.0);
  }

  @Test
  void unwrap_returnsPortableDriverOrNativeClientElseFails() {
    PortableAuthenticator auth = authenticator(token -> principal(token));

    assertThat(auth.unwrap(PortableAuthenticator.class)).isSameAs(auth);
    assertThat(auth.unwrap(AuthenticatorDriver.class)).isNotNull();
    assertThat(auth.unwrap(String.class)).isEqualTo("native");
    assertThatThrownBy(() -> auth.unwrap(Integer.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Integer");
  }

  @Test
  void close_isIdempotent() {
    PortableAuthenticator auth = authenticator(token -> principal(token));

    auth.close();
    auth.close();

    assertThat(closes).hasValue(1);
  }
}
