package dev.plinth.jakarta.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code @Claim} injection as MicroProfile JWT 2.1 defines it, without the {@code mpJwt} feature.
 * The qualifier's members are {@code @Nonbinding}, so one {@code @Dependent} producer per type
 * serves every claim name. Supported types: {@code String}, {@code Long}/{@code long}, {@code
 * Boolean}/{@code boolean}, {@code Set<String>}, {@code JsonValue}, {@code JsonString}, {@code
 * JsonNumber}, {@code JsonArray}, {@code JsonObject}, {@code Optional} of {@code String}, {@code
 * Long}, {@code Boolean}, {@code Set<String>} and {@code JsonValue}, and {@code ClaimValue<T>} of
 * any of these ({@link ClaimValueProducer}); {@code Instance<T>} and {@code Provider<T>} of them
 * work through CDI itself.
 *
 * <p>Plain values are read when injected: use them in {@code @RequestScoped} beans (JAX-RS
 * resources are per request by default). In {@code @ApplicationScoped} beans inject {@code
 * ClaimValue<T>}, {@code Instance<T>} or {@code Provider<T>}, which read the current request's
 * token each time.
 */
@ApplicationScoped
public class ClaimProducers {
  @Inject JsonWebToken token;

  Object claim(InjectionPoint point) {
    return ClaimInjection.value(
        () -> token, ClaimInjection.claimName(point.getQualifiers()), point.getType());
  }

  /**
   * Produces a text claim.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(String.class)
  @Claim
  public String string(InjectionPoint point) {
    return (String) claim(point);
  }

  /**
   * Produces a numeric claim (times in epoch seconds).
   *
   * @param point the injection point
   * @return the claim, or null (0 for a {@code long})
   */
  @Produces
  @Typed(Long.class)
  @Claim
  public Long number(InjectionPoint point) {
    return (Long) claim(point);
  }

  /**
   * Produces a boolean claim.
   *
   * @param point the injection point
   * @return the claim, or null (false for a {@code boolean})
   */
  @Produces
  @Typed(Boolean.class)
  @Claim
  public Boolean flag(InjectionPoint point) {
    return (Boolean) claim(point);
  }

  /**
   * Produces a string-array claim such as {@code groups}, {@code aud} or {@code scp}.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Set<String> strings(InjectionPoint point) {
    return (Set<String>) claim(point);
  }

  /**
   * Produces a claim as JSON.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(JsonValue.class)
  @Claim
  public JsonValue json(InjectionPoint point) {
    return (JsonValue) claim(point);
  }

  /**
   * Produces a claim as a JSON string.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(JsonString.class)
  @Claim
  public JsonString jsonString(InjectionPoint point) {
    return (JsonString) claim(point);
  }

  /**
   * Produces a claim as a JSON number.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(JsonNumber.class)
  @Claim
  public JsonNumber jsonNumber(InjectionPoint point) {
    return (JsonNumber) claim(point);
  }

  /**
   * Produces a claim as a JSON array.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(JsonArray.class)
  @Claim
  public JsonArray jsonArray(InjectionPoint point) {
    return (JsonArray) claim(point);
  }

  /**
   * Produces a claim as a JSON object.
   *
   * @param point the injection point
   * @return the claim, or null
   */
  @Produces
  @Typed(JsonObject.class)
  @Claim
  public JsonObject jsonObject(InjectionPoint point) {
    return (JsonObject) claim(point);
  }

  /**
   * Produces an optional text claim.
   *
   * @param point the injection point
   * @return the claim, or empty
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Optional<String> optionalString(InjectionPoint point) {
    return (Optional<String>) claim(point);
  }

  /**
   * Produces an optional numeric claim.
   *
   * @param point the injection point
   * @return the claim, or empty
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Optional<Long> optionalNumber(InjectionPoint point) {
    return (Optional<Long>) claim(point);
  }

  /**
   * Produces an optional boolean claim.
   *
   * @param point the injection point
   * @return the claim, or empty
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Optional<Boolean> optionalFlag(InjectionPoint point) {
    return (Optional<Boolean>) claim(point);
  }

  /**
   * Produces an optional string-array claim.
   *
   * @param point the injection point
   * @return the claim, or empty
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Optional<Set<String>> optionalStrings(InjectionPoint point) {
    return (Optional<Set<String>>) claim(point);
  }

  /**
   * Produces an optional JSON claim.
   *
   * @param point the injection point
   * @return the claim, or empty
   */
  @Produces
  @Claim
  @SuppressWarnings("unchecked")
  public Optional<JsonValue> optionalJson(InjectionPoint point) {
    return (Optional<JsonValue>) claim(point);
  }
}
