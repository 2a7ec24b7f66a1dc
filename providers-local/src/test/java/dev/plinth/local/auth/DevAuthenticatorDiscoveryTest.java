package dev.plinth.local.auth;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

class DevAuthenticatorDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return AuthenticatorProvider.class;
  }

  @Override
  protected String providerName() {
    return "dev";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    return Map.of();
  }
}
