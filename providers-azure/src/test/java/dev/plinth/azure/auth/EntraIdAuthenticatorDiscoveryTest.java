package dev.plinth.azure.auth;

import dev.plinth.spi.PlinthProvider;
import dev.plinth.spi.auth.AuthenticatorProvider;
import dev.plinth.tck.ProviderDiscoveryContract;
import java.util.Map;

/** The entra-id provider is discoverable and starts without reaching the issuer. */
class EntraIdAuthenticatorDiscoveryTest extends ProviderDiscoveryContract {

  @Override
  protected Class<? extends PlinthProvider<?>> spiType() {
    return AuthenticatorProvider.class;
  }

  @Override
  protected String providerName() {
    return "entra-id";
  }

  @Override
  protected Map<String, String> minimalConfig() {
    // Keys are fetched on the first token, so creating the driver makes no network call.
    return Map.of(
        "plinth.auth.entra-id.tenant-id",
        "72f988bf-86f1-41af-91ab-2d7cd011db47",
        "plinth.auth.entra-id.client-id",
        EntraTestSettings.CLIENT_ID);
  }
}
