package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.auth.AuthCapabilities;
import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issuer, tenant and lifetime checks against the mock OIDC server: v1 and v2 issuers, App ID URI
 * audience, the multi-tenant allow-list and {@code nbf} with clock skew.
 */
class EntraIdIssuerAndTenantTest extends MockEntraIssuerFixture {
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
}
