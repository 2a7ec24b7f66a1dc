package dev.plinth.jakarta.security;

import jakarta.json.JsonValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Resolves one {@code @Claim} injection: the claim name from the qualifier, the value from the
 * token, converted to the injection point's type. Kept free of CDI so it can be tested alone.
 */
final class ClaimInjection {
  private ClaimInjection() {}

  /**
   * Returns the claim a qualifier names: {@code value} when set, else {@code standard}.
   *
   * @param qualifiers the injection point's qualifiers
   * @return the claim name
   * @throws IllegalArgumentException when there is no {@code @Claim} or it names no claim
   */
  static String claimName(Set<Annotation> qualifiers) {
    for (Annotation qualifier : qualifiers) {
      if (qualifier instanceof Claim claim) {
        if (!claim.value().isEmpty()) {
          return claim.value();
        }
        if (claim.standard() != Claims.UNKNOWN) {
          return claim.standard().name();
        }
      }
    }
    throw new IllegalArgumentException(
        "@Claim needs a claim name: use @Claim(\"name\") or @Claim(standard = Claims.sub).");
  }

  /**
   * Reads a claim and converts it.
   *
   * @param token the caller's token
   * @param name the claim name
   * @param target the injection point's type
   * @return the value (null when the claim is absent, except for {@code Optional})
   * @throws IllegalArgumentException when the claim cannot be converted to the type
   */
  static Object value(Supplier<JsonWebToken> token, String name, Type target) {
    Class<?> raw = rawType(target);
    if (raw == Optional.class) {
      return Optional.ofNullable(value(token, name, typeArgument(target)));
    }
    if (raw == org.eclipse.microprofile.jwt.ClaimValue.class) {
      return new TokenClaimValue<>(token, name, typeArgument(target));
    }
    Object claim = token.get().getClaim(name);
    try {
      return convert(claim, raw, target);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(
          "The claim '" + name + "' cannot be injected as " + target.getTypeName() + ".", e);
    }
  }

  private static Object convert(Object claim, Class<?> raw, Type target) {
    if (raw == String.class) {
      return ClaimConversions.toText(claim);
    }
    if (raw == Long.class || raw == long.class) {
      return ClaimConversions.toLong(claim);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return ClaimConversions.toBoolean(claim);
    }
    if (raw == Set.class) {
      return ClaimConversions.toStringSet(claim);
    }
    if (JsonValue.class.isAssignableFrom(raw)) {
      return claim == null ? null : raw.cast(ClaimConversions.toJson(claim));
    }
    if (raw == Object.class || raw.isInstance(claim) || claim == null) {
      return claim;
    }
    throw new IllegalArgumentException("unsupported type " + target.getTypeName());
  }

  private static Class<?> rawType(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class; // type variables and wildcards: hand the claim over as it is
  }

  private static Type typeArgument(Type type) {
    return type instanceof ParameterizedType parameterized
        ? parameterized.getActualTypeArguments()[0]
        : Object.class;
  }
}
