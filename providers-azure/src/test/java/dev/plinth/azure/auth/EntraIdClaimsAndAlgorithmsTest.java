package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Claim mapping and algorithm checks against the mock OIDC server: app-only tokens, groups overage,
 * role mapping, and algorithm confusion (HS256 keyed with the public key, RS384, no kid).
 */
class EntraIdClaimsAndAlgorithmsTest extends MockEntraIssuerFixture {
  @Test
  void authenticate_idtypApp_isAppEvenWithoutRoles() {
    Map<String, Object> claims = userClaims();
    claims.remove("scp");
    claims.remove("roles");
    claims.put("idtyp", "app");

    Principal principal = driver.authenticate(sign(claims, EntraTestSettings.CLIENT_ID));

    assertThat(principal.kind()).isEqualTo(Principal.Kind.APP);
    assertThat(principal.roles()).isEmpty();
  }

  @Test
  void authenticate_rolesWithoutScp_isApp_rolesWithScp_isUser() {
    Map<String, Object> app = userClaims();
    app.remove("scp");
    Map<String, Object> user = userClaims();

    assertThat(driver.authenticate(sign(app, EntraTestSettings.CLIENT_ID)).kind())
        .isEqualTo(Principal.Kind.APP);
    assertThat(driver.authenticate(sign(user, EntraTestSettings.CLIENT_ID)).kind())
        .isEqualTo(Principal.Kind.USER);
  }

  @Test
  void authenticate_groupsOverageClaimNames_flagsOverageAndKeepsRoles() {
    Map<String, Object> claims = userClaims();
    claims.put("roles", List.of("Platform.Admin"));
    claims.put("_claim_names", Map.of("groups", "src1"));
    claims.put(
        "_claim_sources",
        Map.of(
            "src1",
            Map.of("endpoint", "https://graph.microsoft.com/v1.0/users/x/getMemberObjects")));

    Principal principal = driver.authenticate(sign(claims, EntraTestSettings.CLIENT_ID));

    assertThat(principal.groupsOverage()).isTrue();
    assertThat(principal.groups()).isEmpty();
    assertThat(principal.roles()).containsExactly("Platform.Admin");
  }

  @Test
  void authenticate_hasGroupsTrue_flagsOverage_listedGroupsAreKept() {
    Map<String, Object> overage = userClaims();
    overage.put("hasgroups", true);
    Map<String, Object> listed = userClaims();
    listed.put("groups", List.of("g1", "g2"));

    assertThat(driver.authenticate(sign(overage, EntraTestSettings.CLIENT_ID)).groupsOverage())
        .isTrue();
    Principal withGroups = driver.authenticate(sign(listed, EntraTestSettings.CLIENT_ID));
    assertThat(withGroups.groupsOverage()).isFalse();
    assertThat(withGroups.groups()).containsExactlyInAnyOrder("g1", "g2");
  }

  @Test
  void authenticate_roleMapping_mapsAppRolesAndPassesOthersThrough() {
    Map<String, String> settings = singleTenant();
    settings.put("plinth.auth.roles.mapping", "Platform.Admin=admin, Platform.Viewer=viewer");
    EntraIdAuthenticatorDriver mapped = EntraTestSettings.driver(settings);
    Map<String, Object> claims = userClaims();
    claims.put("roles", List.of("Platform.Admin", "Platform.Viewer", "user"));

    Principal principal = mapped.authenticate(sign(claims, EntraTestSettings.CLIENT_ID));

    assertThat(principal.roles()).containsExactlyInAnyOrder("admin", "viewer", "user");
  }

  /** The classic key-confusion attack: HMAC keyed with the published RSA public key. */
  @Test
  void authenticate_hs256SignedWithPublicKeyBytes_isUnsupportedAlgorithmBeforeKeyLookup()
      throws Exception {
    RSAKey published = publishedKey();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
            new JWTClaimsSet.Builder(
                    SignedJWT.parse(sign(userClaims(), EntraTestSettings.CLIENT_ID))
                        .getJWTClaimsSet())
                .build());
    forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
    EntraIdAuthenticatorDriver fresh = EntraTestSettings.driver(singleTenant());

    assertRefused(fresh, forged.serialize(), Reason.UNSUPPORTED_ALGORITHM);
    assertThat(fresh.health().data()).containsEntry("fetchAttempts", 0L);
  }

  @Test
  void authenticate_rs384WhenOnlyRs256Allowed_isUnsupportedAlgorithm() throws JOSEException {
    RSAKey key = LocalJwksServer.newKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(issuer.keyId()).build(),
            new JWTClaimsSet.Builder().subject("x").build());
    jwt.sign(new RSASSASigner(key));

    assertRefused(driver, jwt.serialize(), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void authenticate_tokenWithoutKid_isUnknownKey() throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("x").build());
    jwt.sign(new RSASSASigner(LocalJwksServer.newKey()));

    assertRefused(driver, jwt.serialize(), Reason.UNKNOWN_KEY);
  }

  private static RSAKey publishedKey() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(issuer.authority() + "/" + issuer.issuerId() + "/jwks"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JWKSet.parse(response.body()).getKeys().get(0).toRSAKey();
  }
}
