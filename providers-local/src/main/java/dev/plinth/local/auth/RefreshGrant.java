package dev.plinth.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads back the original {@link TokenRequest} stored in a verified refresh token. */
final class RefreshGrant {
  private RefreshGrant() {}

  /**
   * Rebuilds the request a refresh token was issued for.
   *
   * @param refresh the verified refresh-token claims
   * @return the request to issue new tokens for
   * @throws AuthenticationException MALFORMED if the grant claim is missing or malformed
   */
  static TokenRequest toRequest(JWTClaimsSet refresh) {
    try {
      Map<String, Object> grant = refresh.getJSONObjectClaim(DevClaims.GRANT);
      String subject = refresh.getStringClaim("oid");
      if (grant == null || subject == null) {
        throw malformed();
      }
      Object ttl = grant.get("ttl");
      return new TokenRequest(
          subject,
          (String) grant.get("name"),
          (String) grant.get("email"),
          Principal.Kind.valueOf((String) grant.get("kind")),
          strings(grant.get("roles")),
          strings(grant.get("scopes")),
          strings(grant.get("groups")),
          ttl instanceof Number n ? Duration.ofMillis(n.longValue()) : null);
    } catch (ParseException
        | ClassCastException
        | IllegalArgumentException
        | NullPointerException e) {
      throw malformed();
    }
  }

  private static Set<String> strings(Object value) {
    Set<String> result = new LinkedHashSet<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        result.add((String) item);
      }
    }
    return result;
  }

  private static AuthenticationException malformed() {
    return new AuthenticationException(
        Reason.MALFORMED, "Refresh token does not carry a readable grant.");
  }
}
