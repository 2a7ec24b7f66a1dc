package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Entra-specific token shapes against the mock OIDC server: v1 and v2 issuers, App ID URI audience,
 * multi-tenant allow-list, app-only tokens, groups overage, role mapping and algorithm confusion.
 */
class EntraIdTokenShapesTest {
  private static MockEntraIssuer issuer;
  private static EntraIdAuthenticatorDriver driver;

  @BeforeAll
  static void start() {
    issuer = new MockEntraIssuer();
    driver = EntraTestSettings.driver(singleTenant());
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  private static Map<String, String> singleTenant() {
    return EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant());
  }

  private static Map<String, Object> userClaims() {
    return new HashMap<>(
        issuer.claims(
            new TokenRequest(
                UUID.randomUUID().toString(),
                "Ada",
                "ada@example.com",
                Principal.Kind.USER,
                Set.of("user"),
                Set.of("files.read"),
                Set.of(),
                null)));
  }

  private static String sign(Map<String, Object> claims, String audience) {
    return issuer.issue(issuer.issuerId(), audience, claims, 3600);
  }

  private static void assertRefused(
      EntraIdAuthenticatorDriver target, String token, Reason reason) {
    assertThatThrownBy(() -> target.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void authenticate_v2Token_mapsEntraClaims() {
    Map<String, Object> claims = userClaims();

    Principal principal = driver.authenticate(sign(claims, EntraTestSettings.CLIENT_ID));

    assertThat(principal.subject()).isEqualTo(claims.get("oid"));
    assertThat(principal.tenant()).isEqualTo(issuer.tenant());
    assertThat(principal.name()).isEqualTo("Ada");
    assertThat(principal.email()).isEqualTo("ada@example.com");
    assertThat(principal.kind()).isEqualTo(Principal.Kind.USER);
    assertThat(principal.scopes()).containsExactly("files.read");
    assertThat(principal.claims()).containsEntry("ver", "2.0");
  }

  @Test
  void authenticate_v1TokenForAppIdUri_isAccepted() {
    Map<String, Object> claims = userClaims();
    claims.put("iss", "https://sts.windows.net/" + issuer.tenant() + "/");
    claims.put("ver", "1.0");

    Principal principal = driver.authenticate(sign(claims, EntraTestSettings.APP_ID_URI));

    assertThat(principal.tenant()).isEqualTo(issuer.tenant());
  }

  @Test
  void authenticate_v1TokenWhenOnlyV2Accepted_isWrongIssuer() {
    Map<String, String> settings = singleTenant();
    settings.put(EntraTestSettings.PREFIX + "accepted-versions", "v2");
    EntraIdAuthenticatorDriver v2Only = EntraTestSettings.driver(settings);
    Map<String, Object> claims = userClaims();
    claims.put("iss", "https://sts.windows.net/" + issuer.tenant() + "/");

    assertRefused(v2Only, sign(claims, EntraTestSettings.CLIENT_ID), Reason.WRONG_ISSUER);
    v2Only.authenticate(sign(userClaims(), EntraTestSettings.CLIENT_ID));
  }

  @Test
  void authenticate_otherTenantIssuerInSingleTenantApp_isWrongIssuer() {
    Map<String, Object> claims = userClaims();
    claims.put("iss", issuer.v2Issuer(UUID.randomUUID().toString()));

    assertRefused(driver, sign(claims, EntraTestSettings.CLIENT_ID), Reason.WRONG_ISSUER);
  }

  @Test
  void authenticate_notBeforeInTheFuture_isNotYetValid() {
    Map<String, Object> claims = userClaims();
    claims.put("nbf", Date.from(Instant.now().plus(Duration.ofMinutes(10))));

    assertRefused(driver, sign(claims, EntraTestSettings.CLIENT_ID), Reason.NOT_YET_VALID);
  }

  @Test
  void authenticate_notBeforeWithinClockSkew_isAccepted() {
    Map<String, Object> claims = userClaims();
    claims.put("nbf", Date.from(Instant.now().plusSeconds(30)));

    driver.authenticate(sign(claims, EntraTestSettings.CLIENT_ID));
  }

  @Test
  void authenticate_allowedTenantInMultiTenantApp_isAccepted_otherTenantIsWrongTenant() {
    String allowed = UUID.randomUUID().toString();
    Map<String, String> settings = singleTenant();
    settings.put(EntraTestSettings.PREFIX + "tenant-id", "organizations");
    settings.put(EntraTestSettings.PREFIX + "allowed-tenants", allowed);
    EntraIdAuthenticatorDriver multi = EntraTestSettings.driver(settings);

    Principal principal = multi.authenticate(multiTenantToken(allowed, false));
    Principal v1 = multi.authenticate(multiTenantToken(allowed, true));

    assertThat(principal.tenant()).isEqualTo(allowed);
    assertThat(v1.tenant()).isEqualTo(allowed);
    assertThat(multi.capabilities().supports(AuthCapabilities.MULTI_TENANT)).isTrue();
    assertRefused(
        multi, multiTenantToken(UUID.randomUUID().toString(), false), Reason.WRONG_TENANT);
  }

  @Test
  void authenticate_multiTenantTokenWithBlankTid_isWrongTenant() {
    Map<String, String> settings = singleTenant();
    settings.put(EntraTestSettings.PREFIX + "tenant-id", "common");
    settings.put(EntraTestSettings.PREFIX + "allowed-tenants", issuer.tenant());
    EntraIdAuthenticatorDriver multi = EntraTestSettings.driver(settings);
    Map<String, Object> claims = userClaims();
    // The mock fills in a missing tid with the issuer id, so blank it instead.
    claims.put("tid", "");
    String token =
        issuer.issue(
            MockEntraIssuer.MULTI_TENANT_ISSUER_ID.replace("organizations", "common"),
            EntraTestSettings.CLIENT_ID,
            claims,
            3600);

    assertRefused(multi, token, Reason.WRONG_TENANT);
  }

  /**
   * Signed with the shared multi-tenant keys, issued by the tenant's own issuer (as Entra does).
   */
  private static String multiTenantToken(String tenant, boolean v1) {
    Map<String, Object> claims = userClaims();
    claims.put("tid", tenant);
    claims.put("iss", v1 ? "https://sts.windows.net/" + tenant + "/" : issuer.v2Issuer(tenant));
    return issuer.issue(
        MockEntraIssuer.MULTI_TENANT_ISSUER_ID, EntraTestSettings.CLIENT_ID, claims, 3600);
  }

  @Test
  void authenticate_singleTenantApp_declaresRemoteJwksOnly() {
    assertThat(driver.capabilities().features()).containsExactly(AuthCapabilities.REMOTE_JWKS);
  }

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
