package dev.plinth.spi.auth;

import dev.plinth.spi.PlinthProvider;

/** Discovers an {@link AuthenticatorDriver} through {@code META-INF/services}. */
public interface AuthenticatorProvider extends PlinthProvider<AuthenticatorDriver> {}
