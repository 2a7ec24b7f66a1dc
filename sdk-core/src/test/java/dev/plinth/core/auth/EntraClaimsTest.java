package dev.plinth.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntraClaimsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration SKEW = Duration.ofMinutes(1);

  private static Map<String, Object> user() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("oid", "oid-1");
    claims.put("sub", "sub-1");
    claims.put("tid", "tenant-1");
    claims.put("name", "Ada");
    claims.put("email", "ada@example.com");
    claims.put("scp", "files.read  files.write ");
    claims.put("roles", List.of("Platform.Admin", "other"));
    claims.put("groups", List.of("g1", "g2"));
    claims.put("exp", NOW.plusSeconds(3600).getEpochSecond());
    return claims;
  }

  @Test
  void toPrincipal_userToken_mapsEveryField() {
    Principal p = EntraClaims.toPrincipal(user(), RoleMapping.parse("Platform.Admin=admin"));

    assertThat(p.subject()).isEqualTo("oid-1");
    assertThat(p.tenant()).isEqualTo("tenant-1");
    assertThat(p.name()).isEqualTo("Ada");
    assertThat(p.email()).isEqualTo("ada@example.com");
    assertThat(p.kind()).isEqualTo(Principal.Kind.USER);
    assertThat(p.roles()).containsExactlyInAnyOrder("admin", "other");
    assertThat(p.scopes()).containsExactlyInAnyOrder("files.read", "files.write");
    assertThat(p.groups()).containsExactlyInAnyOrder("g1", "g2");
    assertThat(p.groupsOverage()).isFalse();
    assertThat(p.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(p.claims()).containsEntry("oid", "oid-1").containsKeys("exp", "scp", "roles");
  }

  @Test
  void toPrincipal_withoutOid_usesSub_andWithoutEitherIsMalformed() {
    Map<String, Object> claims = user();
    claims.remove("oid");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).subject())
        .isEqualTo("sub-1");

    claims.remove("sub");
    claims.put("oid", 42); // wrong type counts as absent
    assertThatThrownBy(() -> EntraClaims.toPrincipal(claims, RoleMapping.identity()))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessageContaining("'oid'");
  }

  @Test
  void toPrincipal_nameAndEmailFallbacks() {
    Map<String, Object> claims = user();
    claims.remove("name");
    claims.remove("email");
    claims.put("app_displayname", "Daemon");
    claims.put("preferred_username", "ada@contoso.com");
    claims.put("upn", "ada@upn.example");
    Principal p = EntraClaims.toPrincipal(claims, RoleMapping.identity());
    assertThat(p.name()).isEqualTo("Daemon");
    assertThat(p.email()).isEqualTo("ada@contoso.com");

    claims.remove("preferred_username");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).email())
        .isEqualTo("ada@upn.example");

    claims.remove("upn");
    claims.remove("app_displayname");
    Principal bare = EntraClaims.toPrincipal(claims, RoleMapping.identity());
    assertThat(bare.email()).isNull();
    assertThat(bare.name()).isNull();
  }

  @Test
  void toPrincipal_appKind_whenIdtypAppOrRolesWithoutScp() {
    Map<String, Object> claims = user();
    claims.put("idtyp", "app");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).kind())
        .isEqualTo(Principal.Kind.APP);

    claims.remove("idtyp");
    claims.remove("scp");
    Principal rolesOnly = EntraClaims.toPrincipal(claims, RoleMapping.identity());
    assertThat(rolesOnly.kind()).isEqualTo(Principal.Kind.APP);
    assertThat(rolesOnly.scopes()).isEmpty();

    claims.remove("roles");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).kind())
        .isEqualTo(Principal.Kind.USER);
  }

  @Test
  void toPrincipal_groupsOverage_fromClaimNamesOrHasgroups() {
    Map<String, Object> claims = user();
    claims.remove("groups");
    claims.put("_claim_names", Map.of("groups", "src1"));
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).groupsOverage()).isTrue();

    claims.remove("_claim_names");
    claims.put("hasgroups", true);
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).groupsOverage()).isTrue();

    claims.put("hasgroups", "true");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).groupsOverage()).isTrue();

    claims.put("hasgroups", false);
    claims.put("_claim_names", Map.of("other", "src1"));
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).groupsOverage()).isFalse();
  }

  @Test
  void toPrincipal_listsOfWrongTypeAreAbsent_nullElementsAndNullClaimsDropped() {
    Map<String, Object> claims = user();
    claims.put("groups", Arrays.asList("g1", null));
    claims.put("roles", List.of("r", 7));
    claims.put("scp", List.of("not", "a", "string"));
    claims.put("nothing", null);

    Principal p = EntraClaims.toPrincipal(claims, RoleMapping.identity());

    assertThat(p.groups()).containsExactly("g1");
    assertThat(p.roles()).isEmpty();
    assertThat(p.scopes()).isEmpty();
    assertThat(p.claims()).doesNotContainKey("nothing");
  }

  @Test
  void toPrincipal_expiry_acceptsDateInstantAndSeconds_orNone() {
    Map<String, Object> claims = user();
    Instant exp = NOW.plusSeconds(60);
    claims.put("exp", Date.from(exp));
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).expiresAt()).isEqualTo(exp);
    claims.put("exp", exp);
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).expiresAt()).isEqualTo(exp);
    claims.put("exp", (int) exp.getEpochSecond());
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).expiresAt()).isEqualTo(exp);
    claims.remove("exp");
    assertThat(EntraClaims.toPrincipal(claims, RoleMapping.identity()).expiresAt()).isNull();
  }

  @Test
  void checkLifetime_validWithinSkew_isAccepted() {
    Map<String, Object> claims = new HashMap<>();
    claims.put("exp", Date.from(NOW.minusSeconds(30)));
    claims.put("nbf", Date.from(NOW.plusSeconds(30)));
    claims.put("iat", NOW.plusSeconds(30).getEpochSecond());

    assertThatCode(() -> EntraClaims.checkLifetime(claims, NOW, SKEW)).doesNotThrowAnyException();
  }

  @Test
  void checkLifetime_refusals() {
    assertRefused(Map.of(), Reason.MALFORMED, "no 'exp'");
    assertRefused(Map.of("exp", "soon"), Reason.MALFORMED, "no 'exp'");
    assertRefused(Map.of("exp", Date.from(NOW.minusSeconds(61))), Reason.EXPIRED, "expired at");
    assertRefused(
        Map.of("exp", Date.from(NOW.plusSeconds(600)), "nbf", Date.from(NOW.plusSeconds(61))),
        Reason.NOT_YET_VALID,
        "not valid before");
    assertRefused(
        Map.of("exp", Date.from(NOW.plusSeconds(600)), "iat", Date.from(NOW.plusSeconds(61))),
        Reason.NOT_YET_VALID,
        "issued in the future");
  }

  private static void assertRefused(Map<String, ?> claims, Reason reason, String message) {
    assertThatThrownBy(() -> EntraClaims.checkLifetime(claims, NOW, SKEW))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}
