package dev.plinth.local.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID Connect discovery document of the dev issuer, with the fields a standard client reads.
 * Token and authorization endpoints sit next to the issuer URI, as with Entra ID.
 */
final class DiscoveryDocument {
  private DiscoveryDocument() {}

  /**
   * Renders the document.
   *
   * @param settings the issuer settings
   * @param jwksUri where the JWKS is served
   * @return the JSON text
   */
  static String json(DevAuthSettings settings, String jwksUri) {
    String base = settings.issuer().replaceFirst("/v2\\.0/?$", "");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", settings.issuer());
    doc.put("jwks_uri", jwksUri);
    doc.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    doc.put("token_endpoint", base + "/oauth2/v2.0/token");
    doc.put("response_types_supported", List.of("code", "token"));
    doc.put("subject_types_supported", List.of("pairwise"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "none"));
    doc.put("grant_types_supported", List.of("client_credentials", "refresh_token"));
    doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
    doc.put(
        "claims_supported",
        List.of(
            "iss",
            "aud",
            "sub",
            "oid",
            "tid",
            "name",
            "preferred_username",
            "email",
            "roles",
            "scp",
            "groups",
            "azp",
            "ver",
            "idtyp",
            "iat",
            "nbf",
            "exp"));
    doc.put("tenant_region_scope", "DEV");
    return JSONObjectUtils.toJSONString(doc);
  }
}
