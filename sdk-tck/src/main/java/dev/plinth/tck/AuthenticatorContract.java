package dev.plinth.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Authenticator} provider passes. Subclasses return the portable
 * authenticator (as {@code Platform.auth()} does, so {@code Bearer } handling is covered) and
 * fixtures that mint tokens for their provider; start any backend once per class.
 */
public abstract class AuthenticatorContract {
  private static final int THREADS = 8;

  /**
   * Returns the authenticator under test (the portable one, e.g. from a {@code Platform}).
   *
   * @return the authenticator
   */
  protected abstract Authenticator authenticator();

  /**
   * Returns token fixtures for the provider under test.
   *
   * @return the fixtures
   */
  protected abstract TokenFixtures fixtures();

  private static TokenRequest userRequest() {
    return new TokenRequest(
        "user-" + UUID.randomUUID(),
        "Ada Lovelace",
        "ada@example.com",
        Principal.Kind.USER,
        Set.of("admin", "user"),
        Set.of("files.read", "files.write"),
        Set.of(),
        Duration.ofMinutes(10));
  }

  /** Tokens the provider must accept. */
  @Nested
  class ValidTokens {

    @Test
    void authenticate_validUserToken_mapsPrincipalFields() {
      TokenRequest request = userRequest();
      Instant before = Instant.now();

      Principal principal = authenticator().authenticate(fixtures().valid(request));

      assertThat(principal.subject()).isEqualTo(request.subject());
      assertThat(principal.kind()).isEqualTo(Principal.Kind.USER);
      assertThat(principal.roles()).containsExactlyInAnyOrderElementsOf(request.roles());
      assertThat(principal.scopes()).containsExactlyInAnyOrderElementsOf(request.scopes());
      assertThat(principal.expiresAt())
          .isBetween(
              before.plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));
    }

    @Test
    void authenticate_appToken_isKindApp() {
      TokenRequest request =
          new TokenRequest(
              "app-" + UUID.randomUUID(),
              null,
              null,
              Principal.Kind.APP,
              Set.of("user"),
              Set.of(),
              Set.of(),
              null);

      Principal principal = authenticator().authenticate(fixtures().valid(request));

      assertThat(principal.kind()).isEqualTo(Principal.Kind.APP);
      assertThat(principal.roles()).containsExactly("user");
    }

    @Test
    void authenticate_bearerPrefix_isAccepted() {
      TokenRequest request = userRequest();

      Principal principal = authenticator().authenticate("Bearer " + fixtures().valid(request));

      assertThat(principal.subject()).isEqualTo(request.subject());
    }
  }

  /** Tokens the provider must refuse, each with its reason. */
  @Nested
  class RefusedTokens {

    @Test
    void authenticate_nullOrBlank_isMissing() {
      for (String token : new String[] {null, "", "   ", "Bearer ", "Bearer   "}) {
        assertRefused(token, Reason.MISSING);
      }
    }

    @Test
    void authenticate_expired_isExpired() {
      assertRefused(fixtures().expired(), Reason.EXPIRED);
    }

    @Test
    void authenticate_badSignature_isBadSignature() {
      assertRefused(fixtures().badSignature(), Reason.BAD_SIGNATURE);
    }

    @Test
    void authenticate_wrongAudience_isWrongAudience() {
      assertRefused(fixtures().wrongAudience(), Reason.WRONG_AUDIENCE);
    }

    @Test
    void authenticate_wrongIssuer_isWrongIssuer() {
      assertRefused(fixtures().wrongIssuer(), Reason.WRONG_ISSUER);
    }

    @Test
    void authenticate_algNone_isUnsupportedAlgorithm() {
      assertRefused(fixtures().algNone(), Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void authenticate_malformed_isMalformed() {
      assertRefused(fixtures().malformed(), Reason.MALFORMED);
    }

    @Test
    void authenticate_anyRefusal_neverEchoesTheToken() {
      Map<String, String> tokens = new LinkedHashMap<>();
      tokens.put("expired", fixtures().expired());
      tokens.put("bad signature", fixtures().badSignature());
      tokens.put("wrong audience", fixtures().wrongAudience());
      tokens.put("wrong issuer", fixtures().wrongIssuer());
      tokens.put("alg none", fixtures().algNone());
      tokens.put("malformed", fixtures().malformed());
      tokens.forEach(
          (kind, token) -> {
            AuthenticationException e =
                catchThrowableOfType(
                    AuthenticationException.class, () -> authenticator().authenticate(token));
            assertThat(e).as(kind).isNotNull();
            assertThat(String.valueOf(e.getMessage())).as(kind).doesNotContain(token);
            String[] parts = token.split("\\.");
            if (parts.length == 3 && parts[2].length() > 8) {
              assertThat(String.valueOf(e.getMessage())).as(kind).doesNotContain(parts[2]);
            }
          });
    }

    private void assertRefused(String token, Reason reason) {
      assertThatThrownBy(() -> authenticator().authenticate(token))
          .isInstanceOfSatisfying(
              AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
  }

  /** Verification is safe under concurrency. */
  @Nested
  class Concurrency {

    @Test
    void authenticate_fromEightThreads_allSucceed() throws Exception {
      List<TokenRequest> requests = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        TokenRequest request = userRequest();
        requests.add(request);
        tokens.add(fixtures().valid(request));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String token = tokens.get(t);
          results.add(
              pool.submit(
                  () -> {
                    List<String> subjects = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                      subjects.add(authenticator().authenticate(token).subject());
                    }
                    return subjects;
                  }));
        }
        for (int t = 0; t < THREADS; t++) {
          assertThat(results.get(t).get(30, TimeUnit.SECONDS))
              .hasSize(25)
              .containsOnly(requests.get(t).subject());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
