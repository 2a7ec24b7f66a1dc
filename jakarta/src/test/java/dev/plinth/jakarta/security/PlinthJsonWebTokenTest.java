package dev.plinth.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.auth.Principal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

class PlinthJsonWebTokenTest {
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  static PlinthJsonWebToken caller() {
    return new PlinthJsonWebToken(
        new Principal(
            "sub-1",
            "Alice",
            "alice@example.com",
            "tenant-1",
            Principal.Kind.USER,
            Set.of("user"),
            Set.of("Files.Read"),
            Set.of("group-id-1"),
            false,
            EXPIRY,
            Map.of(
                "iss", "https://issuer",
                "aud", "api://plinth",
                "oid", "object-1",
                "scp", "ignored since the principal's scopes win",
                "iat", Date.from(EXPIRY.minusSeconds(60)),
                "amr", List.of("pwd", "mfa"),
                "ext", Map.of("level", 2))),
        "raw.token.value");
  }

  private final PlinthJsonWebToken caller = caller();

  @Test
  void standardAccessors_mapSubjectRolesAndTimes() {
    assertThat(caller.getName()).isEqualTo("sub-1");
    assertThat(caller.getSubject()).isEqualTo("sub-1");
    assertThat(caller.getGroups()).containsExactly("user");
    assertThat(caller.getIssuer()).isEqualTo("https://issuer");
    assertThat(caller.getAudience()).containsExactly("api://plinth");
    assertThat(caller.getExpirationTime()).isEqualTo(EXPIRY.getEpochSecond());
    assertThat(caller.getIssuedAtTime()).isEqualTo(EXPIRY.getEpochSecond() - 60);
    assertThat(caller.getRawToken()).isEqualTo("raw.token.value");
  }

  @Test
  void claims_comeFromThePrincipalWithMicroProfileTypes() {
    assertThat(caller.<String>getClaim("name")).isEqualTo("Alice");
    assertThat(caller.<String>getClaim(Claims.email.name())).isEqualTo("alice@example.com");
    assertThat(caller.<String>getClaim("tid")).isEqualTo("tenant-1");
    assertThat(caller.<String>getClaim("oid")).isEqualTo("object-1");
    assertThat(caller.<Set<String>>getClaim("roles")).containsExactly("user");
    assertThat(caller.<Set<String>>getClaim("scp")).containsExactly("Files.Read");
    assertThat(caller.<Set<String>>getClaim("groups")).containsExactly("user");
    assertThat(caller.<Set<String>>getClaim("amr")).containsExactly("pwd", "mfa");
    assertThat(caller.<Long>getClaim("iat")).isEqualTo(EXPIRY.getEpochSecond() - 60);
    assertThat(caller.getClaimNames())
        .contains("sub", "name", "email", "tid", "oid", "roles", "scp", "groups", "exp", "iat");
    assertThat(caller.containsClaim("nonce")).isFalse();
    assertThat(caller.principal().groups()).containsExactly("group-id-1");
  }

  @Test
  void toString_neverShowsTheTokenOrClaims() {
    assertThat(caller.toString())
        .doesNotContain("raw.token.value")
        .doesNotContain("alice@example.com")
        .contains("sub-1");
  }
}
