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
import dev.plinth.auth.TokenRequest;
import dev.plinth.azure.auth.EntraTestSettings;
import dev.plinth.azure.auth.MockEntraIssuer;
import dev.plinth.core.Platform;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
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
 * Token verification with the {@code entra-id} authenticator against Nimbus {@link
 * DefaultJWTProcessor}, on the same RS256 token of a real OIDC server (mock-oauth2-server, in this
 * JVM, shaped like Entra ID v2 as in the providers-azure tests). The provider's signing-key cache
 * is warmed in the set-up (one authenticate), and the raw processor holds the same JWKS fetched
 * once, so neither side touches the network in the measurement: both check signature, issuer,
 * audience and expiry.
 */
@State(Scope.Benchmark)
public class EntraAuthBenchmark {
  private MockEntraIssuer issuer;
  private Platform platform;
  private Authenticator authenticator;
  private String token;
  private DefaultJWTProcessor<SecurityContext> nimbus;

  /**
   * Starts the issuer and the platform, mints one token, warms the key cache and builds the Nimbus
   * processor from the issuer's JWKS.
   *
   * @throws IOException if the JWKS cannot be fetched
   * @throws ParseException if the JWKS does not parse
   */
  @Setup(Level.Trial)
  public void start() throws IOException, ParseException {
    issuer = new MockEntraIssuer();
    String prefix = "plinth.auth.entra-id.";
    platform =
        Platforms.only(
            "auth",
            "entra-id",
            Map.of(
                prefix + "tenant-id",
                issuer.tenant(),
                prefix + "client-id",
                EntraTestSettings.CLIENT_ID,
                prefix + "authority",
                issuer.authority(),
                // Real verification on every call, like the raw side (see DevAuthBenchmark).
                "plinth.auth.verified-token-cache.size",
                "0"));
    authenticator = platform.auth();
    token =
        issuer.token(
            new TokenRequest(
                "bench-user",
                "Bench User",
                "bench@example.com",
                Principal.Kind.USER,
                Set.of("user"),
                Set.of("api.read"),
                Set.of(),
                Duration.ofHours(1)));
    authenticator.authenticate(token); // warms the JWKS cache
    String v2Issuer = issuer.authority() + "/" + issuer.tenant() + "/v2.0";
    JWKSet keys = JWKSet.load(new URL(v2Issuer + "/jwks"));
    nimbus = new DefaultJWTProcessor<>();
    nimbus.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    nimbus.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            EntraTestSettings.CLIENT_ID,
            new JWTClaimsSet.Builder().issuer(v2Issuer).build(),
            Set.of("exp")));
  }

  /** Closes the platform and stops the issuer. */
  @TearDown(Level.Trial)
  public void stop() {
    platform.close();
    issuer.close();
  }

  /**
   * Plinth authenticate (warm key cache).
   *
   * @return the principal
   */
  @Benchmark
  public Principal verify_plinth() {
    return authenticator.authenticate(token);
  }

  /**
   * Raw Nimbus process with the same key set.
   *
   * @return the verified claims
   * @throws Exception if the token does not verify
   */
  @Benchmark
  public JWTClaimsSet verify_raw() throws Exception {
    return nimbus.process(token, null);
  }
}
