package dev.plinth.azure.auth;

import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OIDC server (navikt mock-oauth2-server) in the test JVM, shaped like Entra ID. The mock
 * serves each issuer id under its own path, and an issuer id may contain slashes, so the issuer id
 * {@code {tid}/v2.0} gives exactly Entra's v2 layout: issuer {@code {base}/{tid}/v2.0}, discovery
 * at {@code {base}/{tid}/v2.0/.well-known/openid-configuration}. The driver's {@code authority} is
 * therefore the mock's base URL and nothing about the issuer form is faked. The mock signs each
 * issuer id with its own key (kid = issuer id), so multi-tenant tokens are signed under the {@code
 * organizations/v2.0} issuer id (whose keys the driver discovers, like Entra's common key set) with
 * the tenant's issuer written into {@code iss}.
 */
public final class MockEntraIssuer implements AutoCloseable {
  static final String MULTI_TENANT_ISSUER_ID = "organizations/v2.0";

  private final MockOAuth2Server server = new MockOAuth2Server();
  private final String tenant = UUID.randomUUID().toString();

  /** Starts the mock issuer on a free port. */
  public MockEntraIssuer() {
    server.start();
  }

  /**
   * The authority: the mock's base URL without the trailing slash.
   *
   * @return the value of {@code plinth.auth.entra-id.authority}
   */
  public String authority() {
    String base = server.baseUrl().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * Returns the tenant GUID of this issuer.
   *
   * @return the value of {@code plinth.auth.entra-id.tenant-id}
   */
  public String tenant() {
    return tenant;
  }

  String issuerId() {
    return tenant + "/v2.0";
  }

  /** The kid the mock signs this tenant's tokens with. */
  String keyId() {
    return issuerId();
  }

  String v2Issuer(String tid) {
    return authority() + "/" + tid + "/v2.0";
  }

  /**
   * Claims of an Entra v2 access token for the request, without iss/aud/exp (the mock sets them).
   */
  Map<String, Object> claims(TokenRequest request) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("oid", request.subject());
    claims.put("tid", tenant);
    claims.put("ver", "2.0");
    claims.put("azp", UUID.randomUUID().toString());
    if (request.name() != null) {
      claims.put("name", request.name());
    }
    if (request.email() != null) {
      claims.put("preferred_username", request.email());
    }
    if (!request.roles().isEmpty()) {
      claims.put("roles", List.copyOf(request.roles()));
    }
    if (!request.scopes().isEmpty()) {
      claims.put("scp", String.join(" ", request.scopes()));
    }
    if (!request.groups().isEmpty()) {
      claims.put("groups", List.copyOf(request.groups()));
    }
    if (request.kind() == Principal.Kind.APP && request.roles().isEmpty()) {
      claims.put("idtyp", "app");
    }
    return claims;
  }

  /** Claims of a delegated user token with one role and one scope, for a random user. */
  Map<String, Object> userClaims() {
    return new HashMap<>(
        claims(
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

  /**
   * Issues an Entra v2 access token for the configured client id.
   *
   * @param request what the token says
   * @return the serialized JWT
   */
  public String token(TokenRequest request) {
    Duration ttl = request.ttl() == null ? Duration.ofHours(1) : request.ttl();
    return issue(issuerId(), EntraTestSettings.CLIENT_ID, claims(request), ttl.toSeconds());
  }

  /** Signs with this tenant's key; {@code claims} may override iss, nbf and the rest. */
  String issue(String issuerId, String audience, Map<String, Object> claims, long ttlSeconds) {
    String subject = String.valueOf(claims.getOrDefault("oid", "subject"));
    return server.issueToken(issuerId, subject, audience, claims, ttlSeconds).serialize();
  }

  /** Stops the issuer. */
  @Override
  public void close() {
    server.shutdown();
  }
}
