package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Settings are read with defaults and fail fast with the key, its env var and an example. */
class EntraIdSettingsTest {
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String OTHER = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

  private static Map<String, String> minimal() {
    Map<String, String> settings = new HashMap<>();
    settings.put(EntraTestSettings.PREFIX + "tenant-id", TENANT);
    settings.put(EntraTestSettings.PREFIX + "client-id", EntraTestSettings.CLIENT_ID);
    return settings;
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> settings = minimal();
    settings.put(EntraTestSettings.PREFIX + name, value);
    return settings;
  }

  private static void assertRejected(Map<String, String> settings, String name, String... text) {
    String key = EntraTestSettings.PREFIX + name;
    assertThatThrownBy(() -> EntraTestSettings.read(settings))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.key()).contains(key);
              assertThat(e.getMessage()).contains(text);
            });
  }

  @Test
  void read_minimal_appliesDefaults() {
    EntraIdSettings settings = EntraTestSettings.read(minimal());

    assertThat(settings.authority()).isEqualTo("https://login.microsoftonline.com");
    assertThat(settings.acceptedVersions()).containsExactlyInAnyOrder(TokenVersion.values());
    assertThat(settings.algorithms()).containsExactly("RS256");
    assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.jwksRefreshMinInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.jwksCacheTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.appIdUri()).isNull();
    assertThat(settings.multiTenant()).isFalse();
    assertThat(settings.discoveryUrl())
        .isEqualTo(
            "https://login.microsoftonline.com/"
                + TENANT
                + "/v2.0/.well-known/openid-configuration");
  }

  @Test
  void read_missingTenant_namesEnvVarWithExample() {
    Map<String, String> settings = minimal();
    settings.remove(EntraTestSettings.PREFIX + "tenant-id");

    assertRejected(settings, "tenant-id", "PLINTH_AUTH_ENTRA_ID_TENANT_ID", "Example");
  }

  @Test
  void read_missingClientId_namesEnvVarWithExample() {
    Map<String, String> settings = minimal();
    settings.remove(EntraTestSettings.PREFIX + "client-id");

    assertRejected(settings, "client-id", "PLINTH_AUTH_ENTRA_ID_CLIENT_ID", "Example");
  }

  @Test
  void read_tenantNotAGuid_isRejected() {
    assertRejected(with("tenant-id", "contoso.onmicrosoft.com"), "tenant-id", "GUID");
  }

  @Test
  void read_multiTenantWithoutAllowList_isRejected() {
    assertRejected(
        with("tenant-id", "organizations"),
        "allowed-tenants",
        "PLINTH_AUTH_ENTRA_ID_ALLOWED_TENANTS",
        "Example");
  }

  @Test
  void read_multiTenantWithAllowList_isMultiTenant() {
    Map<String, String> settings = with("tenant-id", "Common");
    settings.put(EntraTestSettings.PREFIX + "allowed-tenants", TENANT + ", " + OTHER.toUpperCase());

    EntraIdSettings read = EntraTestSettings.read(settings);

    assertThat(read.multiTenant()).isTrue();
    assertThat(read.allowedTenants()).containsExactlyInAnyOrder(TENANT, OTHER);
  }

  @Test
  void read_singleTenantWithOtherAllowedTenants_isRejected() {
    assertRejected(with("allowed-tenants", OTHER), "allowed-tenants", "single tenant");
  }

  @Test
  void read_plainHttpAuthorityOffLoopback_isRejected() {
    assertRejected(with("authority", "http://login.example.com"), "authority", "https");
  }

  @Test
  void read_loopbackHttpAuthority_isAcceptedWithoutTrailingSlash() {
    assertThat(EntraTestSettings.read(with("authority", "http://localhost:8080/")).authority())
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void read_hmacOrNoneAlgorithm_isRejected() {
    assertRejected(with("algorithms", "RS256,HS256"), "algorithms", "HMAC");
    assertRejected(with("algorithms", "none"), "algorithms", "HMAC");
  }

  @Test
  void read_extraRsaAlgorithms_areAccepted() {
    assertThat(EntraTestSettings.read(with("algorithms", "rs256, PS256")).algorithms())
        .isEqualTo(Set.of("RS256", "PS256"));
  }

  @Test
  void read_unknownVersion_isRejected() {
    assertRejected(with("accepted-versions", "v3"), "accepted-versions", "v1, v2");
  }

  @Test
  void read_v2Only_acceptsOnlyV2() {
    assertThat(EntraTestSettings.read(with("accepted-versions", "v2")).acceptedVersions())
        .containsExactly(TokenVersion.V2);
  }

  @Test
  void read_negativeClockSkew_isRejected() {
    assertRejected(with("clock-skew", "-5s"), "clock-skew", "PLINTH_AUTH_ENTRA_ID_CLOCK_SKEW");
  }

  @Test
  void read_malformedRoleMapping_isRejected() {
    Map<String, String> settings = minimal();
    settings.put("plinth.auth.roles.mapping", "Platform.Admin");

    assertThatThrownBy(() -> EntraTestSettings.read(settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PLINTH_AUTH_ROLES_MAPPING");
  }
}
