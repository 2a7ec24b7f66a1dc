package dev.plinth.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.plinth.auth.Authenticator;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.core.Platform;
import dev.plinth.local.auth.DevAuthSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Token verification: the {@code dev} authenticator (RS256 signature, issuer, audience and lifetime
 * checks, then the claims mapped to a {@link Principal}) against Nimbus {@link DefaultJWTProcessor}
 * with the same key (from the issuer's JWKS) checking the same signature, issuer, audience and
 * lifetime. Same token on both sides.
 */
@State(Scope.Benchmark)
public class DevAuthBenchmark {
  private Platform platform;
  private Authenticator authenticator;
  private String token;
  private DefaultJWTProcessor<SecurityContext> nimbus;

  /**
   * Starts the platform, mints one token and builds the Nimbus processor from the public JWKS.
   *
   * @throws java.text.ParseException if the JWKS does not parse
   */
  @Setup(Level.Trial)
  public void start() throws java.text.ParseException {
    platform = Platforms.only("auth", "dev", Map.of());
    authenticator = platform.auth();
    TokenIssuer issuer = authenticator.unwrap(TokenIssuer.class);
    token =
        issuer
            .issue(
                new TokenRequest(
                    "bench-user",
                    "Bench User",
                    "bench@example.com",
                    Principal.Kind.USER,
                    Set.of("user"),
                    Set.of("api.read"),
                    null,
                    Duration.ofHours(1)))
            .accessToken();
    JWKSet keys = JWKSet.parse(issuer.jwksJson());
    nimbus = new DefaultJWTProcessor<>();
    nimbus.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    nimbus.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            DevAuthSettings.DEFAULT_AUDIENCE,
            new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(),
            Set.of("exp")));
  }

  /** Closes the platform. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
  }

  /**
   * Plinth authenticate.
   *
   * @return the principal
   */
  @Benchmark
  public Principal verify_plinth() {
    return authenticator.authenticate(token);
  }

  /**
   * Raw Nimbus process.
   *
   * @return the verified claims
   * @throws Exception if the token does not verify
   */
  @Benchmark
  public JWTClaimsSet verify_raw() throws Exception {
    return nimbus.process(token, null);
  }
}
