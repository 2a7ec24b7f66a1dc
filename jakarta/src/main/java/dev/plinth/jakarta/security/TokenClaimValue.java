package dev.plinth.jakarta.security;

import java.lang.reflect.Type;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A {@link ClaimValue} read again on every {@link #getValue()} from the current request's token, so
 * it may be injected into {@code @ApplicationScoped} beans.
 *
 * @param <T> the value type
 */
final class TokenClaimValue<T> implements ClaimValue<T> {
  private final Supplier<JsonWebToken> token;
  private final String name;
  private final Type type;

  TokenClaimValue(Supplier<JsonWebToken> token, String name, Type type) {
    this.token = token;
    this.name = name;
    this.type = type;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T getValue() {
    return (T) ClaimInjection.value(token, name, type);
  }

  @Override
  public String toString() {
    return "ClaimValue{" + name + '}'; // not the value: claims may hold personal data
  }
}
