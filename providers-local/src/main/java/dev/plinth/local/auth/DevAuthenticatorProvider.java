package dev.plinth.local.auth;

import dev.plinth.config.Profile;
import dev.plinth.error.ConfigurationException;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;
import java.time.Clock;

/**
 * The {@code dev} auth provider ({@code plinth.auth.provider=dev}): a local issuer of Entra-shaped
 * RS256 tokens plus fixed development tokens. It refuses to start under the {@code azure} profile,
 * where tokens must come from Entra ID.
 */
public final class DevAuthenticatorProvider implements AuthenticatorProvider {
  /** The provider name. */
  public static final String NAME = "dev";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public DevAuthenticatorProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Local development issuer: Entra ID-shaped RS256 tokens, JWKS, discovery and fixed"
        + " dev tokens (development only)";
  }

  @Override
  public AuthenticatorDriver create(ProviderContext context) {
    if (context.config().profile() == Profile.AZURE) {
      throw new ConfigurationException(
          context.key("provider"),
          "The 'dev' auth provider mints its own tokens and must not run under the azure profile."
              + " Use Entra ID: PLINTH_AUTH_PROVIDER=entra-id (or remove the override so the"
              + " profile default applies).");
    }
    return new DevAuthenticatorDriver(DevAuthSettings.from(context), Clock.systemUTC());
  }
}
