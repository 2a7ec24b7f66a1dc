package dev.plinth.core.memory;

import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.auth.AuthenticatorDriver;
import dev.plinth.spi.auth.AuthenticatorProvider;
import java.time.Clock;

/**
 * Provides the {@code memory} authenticator ({@link MemoryAuthenticatorDriver}); settings under
 * {@code plinth.auth.memory.*} (see {@link MemoryAuthSettings}).
 */
public final class MemoryAuthenticatorProvider implements AuthenticatorProvider {

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public MemoryAuthenticatorProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "In-memory HMAC token issuer and verifier for tests";
  }

  @Override
  public AuthenticatorDriver create(ProviderContext context) {
    return new MemoryAuthenticatorDriver(MemoryAuthSettings.from(context), Clock.systemUTC());
  }
}
