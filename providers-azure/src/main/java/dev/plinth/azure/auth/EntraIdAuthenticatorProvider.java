package dev.plinth.azure.auth;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;
import java.time.Clock;

/**
 * The {@code entra-id} auth provider ({@code plinth.auth.provider=entra-id}, the default of the
 * {@code azure} profile): verifies Microsoft Entra ID access tokens. See {@code README-entra-id.md}
 * for the settings and the app registration.
 */
public final class EntraIdAuthenticatorProvider implements AuthenticatorProvider {
  /** The provider name. */
  public static final String NAME = "entra-id";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public EntraIdAuthenticatorProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Microsoft Entra ID access tokens (v1/v2, OIDC discovery, cached JWKS, tenant"
        + " allow-list)";
  }

  @Override
  public AuthenticatorDriver create(ProviderContext context) {
    return new EntraIdAuthenticatorDriver(EntraIdSettingsReader.read(context), Clock.systemUTC());
  }
}
