package dev.plinth.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.auth.Principal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerPrincipalTest {
  private final Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
  private final CallerPrincipal caller =
      new CallerPrincipal(
          new Principal(
              "sub-1",
              "Alice",
              null,
              "tenant",
              Principal.Kind.USER,
              Set.of("user"),
              Set.of(),
              Set.of(),
              false,
              expiry,
              Map.of(
                  "iss", "https://issuer",
                  "aud", List.of("api://plinth"),
                  "iat", Date.from(expiry.minusSeconds(60)))),
          "raw.token.value");

  @Test
  void jsonWebToken_mapsSubjectRolesAndTimes() {
    assertThat(caller.getName()).isEqualTo("sub-1");
    assertThat(caller.getGroups()).containsExactly("user");
    assertThat(caller.getIssuer()).isEqualTo("https://issuer");
    assertThat(caller.getAudience()).containsExactly("api://plinth");
    assertThat(caller.getExpirationTime()).isEqualTo(expiry.getEpochSecond());
    assertThat(caller.getIssuedAtTime()).isEqualTo(expiry.getEpochSecond() - 60);
    assertThat(caller.getRawToken()).isEqualTo("raw.token.value");
  }

  @Test
  void toString_neverShowsTheToken() {
    assertThat(caller.toString()).doesNotContain("raw.token.value");
  }
}
