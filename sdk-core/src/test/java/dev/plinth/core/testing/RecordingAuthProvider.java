package dev.plinth.core.testing;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;

/** Test-only {@code recording} provider of the auth port. */
public final class RecordingAuthProvider implements AuthenticatorProvider {

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public String description() {
    return "Test auth driver that logs its lifecycle";
  }

  @Override
  public AuthenticatorDriver create(ProviderContext context) {
    return RecordingDrivers.create(AuthenticatorDriver.class, context);
  }
}
