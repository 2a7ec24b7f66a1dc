package dev.plinth.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.plinth.auth.Principal;
import dev.plinth.auth.TokenRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds claim sets shaped like Microsoft Entra ID v2 access tokens, so code tested against the dev
 * issuer sees the same claims in production: {@code oid}, {@code tid}, {@code roles}, {@code scp},
 * {@code groups} (or the groups overage markers), {@code azp}, {@code ver}, {@code idtyp}.
 */
final class DevClaims {
  /** Claim marking a refresh token; access tokens never carry it. */
  static final String TOKEN_USE = "token_use";

  /** Value of {@link #TOKEN_USE} in refresh tokens. */
  static final String REFRESH = "refresh";

  /** Claim of a refresh token holding the original request, to mint the same claims again. */
  static final String GRANT = "plinth_grant";

  private final DevAuthSettings settings;

  DevClaims(DevAuthSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns the {@code sub} of a subject: as in Entra ID, a pairwise id, stable for one subject and
   * one audience, derived from the tenant, the audience and the requested subject. The requested
   * subject itself is the {@code oid}, which {@link dev.plinth.auth.Principal#subject()} reports
   * (so the dev and memory providers agree on it).
   *
   * @param subject the requested subject
   * @return the pairwise {@code sub}
   */
  String pairwiseSubject(String subject) {
    String seed = settings.tenantId() + "/" + settings.audience() + "/" + subject;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The scope of user tokens requested without scopes, as an Entra API usually exposes. */
  static final String DEFAULT_USER_SCOPE = "access_as_user";

  /**
   * Builds access-token claims.
   *
   * @param request what the token says
   * @param issuedAt the issue time
   * @param ttl the lifetime
   * @return the claims
   */
  JWTClaimsSet access(TokenRequest request, Instant issuedAt, Duration ttl) {
    boolean app = request.kind() == Principal.Kind.APP;
    JWTClaimsSet.Builder b =
        base(issuedAt, ttl)
            .subject(pairwiseSubject(request.subject()))
            .claim("oid", request.subject())
            .claim("tid", settings.tenantId())
            .claim("azp", app ? request.subject() : settings.clientId())
            .claim("ver", "2.0")
            .notBeforeTime(Date.from(issuedAt));
    if (app) {
      b.claim("idtyp", "app");
    } else {
      b.claim("name", request.name() == null ? request.subject() : request.name());
      b.claim("preferred_username", request.email() == null ? request.subject() : request.email());
      if (request.email() != null) {
        b.claim("email", request.email());
      }
    }
    if (!request.roles().isEmpty()) {
      b.claim("roles", sorted(request.roles()));
    }
    if (!request.scopes().isEmpty()) {
      b.claim("scp", String.join(" ", sorted(request.scopes())));
    } else if (!app) {
      // Entra always gives delegated (user) tokens a scope; without one a user token with roles
      // would read as app-only.
      b.claim("scp", DEFAULT_USER_SCOPE);
    }
    addGroups(b, request);
    return b.build();
  }

  /**
   * Builds refresh-token claims; the grant lets {@link DevTokenIssuer#refresh} mint the same access
   * claims again.
   *
   * @param request the original request
   * @param issuedAt the issue time
   * @return the claims
   */
  JWTClaimsSet refresh(TokenRequest request, Instant issuedAt) {
    Map<String, Object> grant = new LinkedHashMap<>();
    grant.put("kind", request.kind().name());
    grant.put("roles", sorted(request.roles()));
    grant.put("scopes", sorted(request.scopes()));
    grant.put("groups", sorted(request.groups()));
    if (request.name() != null) {
      grant.put("name", request.name());
    }
    if (request.email() != null) {
      grant.put("email", request.email());
    }
    if (request.ttl() != null) {
      grant.put("ttl", request.ttl().toMillis());
    }
    return base(issuedAt, settings.refreshTtl())
        .subject(pairwiseSubject(request.subject()))
        .claim("oid", request.subject())
        .claim(TOKEN_USE, REFRESH)
        .claim("typ", REFRESH)
        .claim(GRANT, grant)
        .build();
  }

  private JWTClaimsSet.Builder base(Instant issuedAt, Duration ttl) {
    return new JWTClaimsSet.Builder()
        .issuer(settings.issuer())
        .audience(settings.audience())
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(ttl)))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Past the limit Entra ID omits {@code groups} and points at Microsoft Graph instead. */
  private void addGroups(JWTClaimsSet.Builder b, TokenRequest request) {
    if (request.groups().isEmpty()) {
      return;
    }
    if (request.groups().size() <= settings.groupsLimit()) {
      b.claim("groups", sorted(request.groups()));
      return;
    }
    String oid = request.subject();
    b.claim("_claim_names", Map.of("groups", "src1"));
    b.claim(
        "_claim_sources",
        Map.of(
            "src1",
            Map.of(
                "endpoint",
                "https://graph.microsoft.com/v1.0/users/" + oid + "/getMemberObjects")));
  }

  private static List<String> sorted(Iterable<String> values) {
    List<String> list = new ArrayList<>();
    values.forEach(list::add);
    list.sort(null);
    return list;
  }
}
