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
 *
 * <p>{@code verify} measures real verification: the SDK's verified-token cache is off ({@code
 * plinth.auth.verified-token-cache.size=0}), so every call checks the signature. {@code
 * verifyCached} is the SDK's default (cache on): the same token re-presented, as a server sees a
 * client's bearer token on every request, answered from the cache after one signature check; its
 * raw twin is the same uncached Nimbus call, because the raw library has no such cache.
 */
@State(Scope.Benchmark)
public class DevAuthBenchmark {
  private Platform platform;
  private Authenticator authenticator;
  private Platform cachedPlatform;
  private Authenticator cachedAuthenticator;
  private String cachedToken;
  private String token;
  private DefaultJWTProcessor<SecurityContext> nimbus;

  /**
   * Starts the platforms, mints their tokens and builds the Nimbus processor from the public JWKS.
   *
   * @throws java.text.ParseException if the JWKS does not parse
   */
  @Setup(Level.Trial)
  public void start() throws java.text.ParseException {
    platform = Platforms.only("auth", "dev", Map.of("plinth.auth.verified-token-cache.size", "0"));
    authenticator = platform.auth();
    TokenIssuer issuer = authenticator.unwrap(TokenIssuer.class);
    token = mint(issuer);
    // A second platform with the default cache; its issuer has its own keys, so it gets its own
    // token of the same shape (and its raw twin stays the uncached Nimbus call on the first).
    cachedPlatform = Platforms.only("auth", "dev", Map.of());
    cachedAuthenticator = cachedPlatform.auth();
    cachedToken = mint(cachedAuthenticator.unwrap(TokenIssuer.class));
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

  private static String mint(TokenIssuer issuer) {
    return issuer
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
  }

  /** Closes the platforms. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
    cachedPlatform.close();
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

  /**
   * Plinth authenticate with the verified-token cache on (the default): the same token again.
   *
   * @return the principal
   */
  @Benchmark
  public Principal verifyCached_plinth() {
    return cachedAuthenticator.authenticate(cachedToken);
  }

  /**
   * Raw Nimbus process: the library has no verified-token cache, so this is {@link #verify_raw}.
   *
   * @return the verified claims
   * @throws Exception if the token does not verify
   */
  @Benchmark
  public JWTClaimsSet verifyCached_raw() throws Exception {
    return nimbus.process(token, null);
  }
}
