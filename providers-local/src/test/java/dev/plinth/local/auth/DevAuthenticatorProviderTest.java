package dev.plinth.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.auth.TokenRequest;
import dev.plinth.config.Profile;
import dev.plinth.core.Platform;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevAuthenticatorProviderTest {
  private final DevAuthenticatorProvider provider = new DevAuthenticatorProvider();

  @Test
  void serviceLoader_findsDevProvider() {
    assertThat(ServiceLoader.load(AuthenticatorProvider.class).stream())
        .anyMatch(p -> p.get().name().equals("dev"));
  }

  @Test
  void create_azureProfile_refusedPointingAtEntraId() {
    ProviderContext azure = context(Profile.AZURE, Map.of("plinth.auth.provider", "dev"));

    assertThatThrownBy(() -> provider.create(azure))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("plinth.auth.provider");
              assertThat(e.getMessage()).contains("entra-id");
            });
  }

  @Test
  void platform_azureProfileWithDevAuth_failsFastWithConfigurationException() {
    Platform.Builder builder =
        Platform.builder()
            .profile(Profile.AZURE)
            .property("plinth.telemetry.provider", "none")
            .property("plinth.storage.provider", "none")
            .property("plinth.cache.provider", "none")
            .property("plinth.queue.provider", "none")
            .property("plinth.auth.provider", "dev");

    assertThatThrownBy(builder::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("entra-id");
  }

  @Test
  void create_readsIssuerAudienceTenantAndLifetimes() {
    ProviderContext ctx =
        context(
            Profile.LOCAL,
            Map.of(
                "plinth.auth.dev.tenant-id", "11111111-2222-4333-8444-555555555555",
                "plinth.auth.dev.audience", "api://custom",
                "plinth.auth.dev.token-ttl", "5m"));

    try (AuthenticatorDriver driver = provider.create(ctx)) {
      DevTokenIssuer issuer = (DevTokenIssuer) driver.nativeClient();
      var tokens = issuer.issue(DevTokenFixtures.alice());

      assertThat(issuer.issuer())
          .isEqualTo("http://localhost:9080/dev-issuer/11111111-2222-4333-8444-555555555555/v2.0");
      assertThat(driver.authenticate(tokens.accessToken()).claims())
          .containsEntry("aud", "api://custom")
          .containsEntry("tid", "11111111-2222-4333-8444-555555555555");
      assertThat(Duration.between(Instant.now(), tokens.expiresAt()))
          .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    }
  }

  @Test
  void create_withKeyDir_restartKeepsIssuedTokensValid(@TempDir Path dir) {
    ProviderContext ctx = context(Profile.LOCAL, Map.of("plinth.auth.dev.key-dir", dir.toString()));
    String token;
    String rotatedToken;
    try (AuthenticatorDriver first = provider.create(ctx)) {
      DevTokenIssuer issuer = (DevTokenIssuer) first.nativeClient();
      token = issuer.issue(DevTokenFixtures.alice()).accessToken();
      issuer.rotateKeys();
      rotatedToken = issuer.issue(DevTokenFixtures.alice()).accessToken();
    }

    try (AuthenticatorDriver restarted = provider.create(ctx)) {
      assertThat(restarted.authenticate(token).roles()).containsExactly("user");
      assertThat(restarted.authenticate(rotatedToken).roles()).containsExactly("user");
    }
  }

  @Test
  void create_withoutKeyDir_restartInvalidatesTokens() {
    ProviderContext ctx = context(Profile.LOCAL, Map.of());
    String token;
    try (AuthenticatorDriver first = provider.create(ctx)) {
      token =
          ((DevTokenIssuer) first.nativeClient())
              .issue(TokenRequest.user("alice", Set.of()))
              .accessToken();
    }

    try (AuthenticatorDriver restarted = provider.create(ctx)) {
      assertThatThrownBy(() -> restarted.authenticate(token))
          .hasFieldOrPropertyWithValue("reason", Reason.UNKNOWN_KEY);
    }
  }

  @Test
  void create_fixedTokensAndRoleMappingFromConfig() {
    ProviderContext ctx =
        context(
            Profile.MEMORY,
            Map.of(
                "plinth.auth.dev.tokens", "curl-me=dave:Platform.Admin",
                "plinth.auth.roles.mapping", "Platform.Admin=admin"));

    try (AuthenticatorDriver driver = provider.create(ctx)) {
      assertThat(driver.authenticate("curl-me").roles()).containsExactly("admin");
    }
  }

  @Test
  void create_malformedFixedTokens_refusedWithoutEchoingThem() {
    ProviderContext ctx =
        context(Profile.LOCAL, Map.of("plinth.auth.dev.tokens", "s3cr3t-no-subject"));

    assertThatThrownBy(() -> provider.create(ctx))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.key()).contains("plinth.auth.dev.tokens");
              assertThat(e.getMessage()).doesNotContain("s3cr3t").contains("Entry 1");
            });
  }

  @Test
  void create_malformedRoleMapping_refusedNamingKey() {
    ProviderContext ctx =
        context(Profile.LOCAL, Map.of("plinth.auth.roles.mapping", "Platform.Admin"));

    assertThatThrownBy(() -> provider.create(ctx))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.auth.roles.mapping"));
  }

  @Test
  void create_zeroTokenTtl_refusedNamingKey() {
    ProviderContext ctx = context(Profile.LOCAL, Map.of("plinth.auth.dev.token-ttl", "0s"));

    assertThatThrownBy(() -> provider.create(ctx))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.key()).contains("plinth.auth.dev.token-ttl"));
  }

  private static ProviderContext context(Profile profile, Map<String, String> values) {
    Map<String, String> config = new HashMap<>(values);
    config.put("plinth.profile", profile.id());
    return new ProviderContext("auth", new MapPlinthConfig(config), Telemetry.noop());
  }
}
