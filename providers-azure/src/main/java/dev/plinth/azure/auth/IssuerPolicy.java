package dev.plinth.azure.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a verified token was issued for this application: its issuer must be the v1
 * ({@code https://sts.windows.net/{tid}/}) or v2 ({@code {authority}/{tid}/v2.0}) issuer of an
 * accepted tenant, and its audience the client id or the App ID URI. For a multi-tenant app the
 * token's own {@code tid} is substituted in the issuer and checked against the allow-list.
 */
final class IssuerPolicy {
  private final EntraIdSettings settings;

  IssuerPolicy(EntraIdSettings settings) {
    this.settings = settings;
  }

  /**
   * Checks issuer, tenant and audience.
   *
   * @param claims claims of a token whose signature verified
   * @throws AuthenticationException WRONG_ISSUER, WRONG_TENANT or WRONG_AUDIENCE
   */
  void check(JWTClaimsSet claims) {
    String tenant = settings.multiTenant() ? tokenTenant(claims) : settings.tenant();
    String issuer = claims.getIssuer();
    if (issuer == null || !isAcceptedIssuer(issuer, tenant)) {
      throw new AuthenticationException(
          Reason.WRONG_ISSUER,
          "Token issuer '"
              + issuer
              + "' is not an accepted Entra ID issuer; expected "
              + expectedIssuers(tenant)
              + ". Check plinth.auth.entra-id.tenant-id, authority and accepted-versions.");
    }
    if (settings.multiTenant() && !settings.allowedTenants().contains(tenant)) {
      throw new AuthenticationException(
          Reason.WRONG_TENANT,
          "Token tenant '"
              + tenant
              + "' is not in plinth.auth.entra-id.allowed-tenants; add it to accept its users.");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || audience.stream().noneMatch(settings::acceptsAudience)) {
      throw new AuthenticationException(
          Reason.WRONG_AUDIENCE,
          "Token audience "
              + audience
              + " does not name this application; expected "
              + settings.clientId()
              + (settings.appIdUri() == null ? "" : " or " + settings.appIdUri())
              + ". Request the token for this API's scope.");
    }
  }

  private static String tokenTenant(JWTClaimsSet claims) {
    try {
      String tid = claims.getStringClaim("tid");
      if (tid != null && !tid.isBlank()) {
        return tid.toLowerCase(Locale.ROOT);
      }
    } catch (ParseException e) {
      // fall through: a non-string tid is as good as none
    }
    throw new AuthenticationException(
        Reason.WRONG_TENANT, "Token has no 'tid' claim, so its tenant cannot be checked.");
  }

  private boolean isAcceptedIssuer(String issuer, String tenant) {
    for (TokenVersion version : settings.acceptedVersions()) {
      if (version.issuer(settings.authority(), tenant).equalsIgnoreCase(issuer)) {
        return true;
      }
    }
    return false;
  }

  private List<String> expectedIssuers(String tenant) {
    return settings.acceptedVersions().stream()
        .sorted()
        .map(v -> v.issuer(settings.authority(), tenant))
        .toList();
  }
}
