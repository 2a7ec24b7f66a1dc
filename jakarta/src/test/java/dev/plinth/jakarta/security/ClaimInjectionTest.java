package dev.plinth.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class ClaimInjectionTest {
  private final AtomicReference<JsonWebToken> current =
      new AtomicReference<>(PlinthJsonWebTokenTest.caller());

  // Fields only for their generic types and qualifiers.
  @Claim("sub")
  private String byValue;

  @Claim(standard = Claims.iat)
  private Long byStandard;

  @Claim private String unnamed;

  private Set<String> stringSet;
  private Optional<String> optionalString;
  private Optional<Long> optionalLong;
  private ClaimValue<String> claimValue;
  private ClaimValue<Optional<Set<String>>> claimValueOptionalSet;

  private static Type type(String field) throws NoSuchFieldException {
    return ClaimInjectionTest.class.getDeclaredField(field).getGenericType();
  }

  private static Set<Annotation> qualifiers(String field) throws NoSuchFieldException {
    return Set.of(ClaimInjectionTest.class.getDeclaredField(field).getAnnotations());
  }

  private Object value(String claim, Type type) {
    return ClaimInjection.value(current::get, claim, type);
  }

  @Test
  void claimName_prefersValueThenStandard() throws Exception {
    assertThat(ClaimInjection.claimName(qualifiers("byValue"))).isEqualTo("sub");
    assertThat(ClaimInjection.claimName(qualifiers("byStandard"))).isEqualTo("iat");
    assertThatThrownBy(() -> ClaimInjection.claimName(qualifiers("unnamed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("@Claim(\"name\")");
  }

  @Test
  void value_plainTypes() throws Exception {
    assertThat(value("sub", String.class)).isEqualTo("sub-1");
    assertThat(value("exp", Long.class)).isEqualTo(1_893_456_000L);
    assertThat(value("iat", long.class)).isEqualTo(1_893_455_940L);
    assertThat(value("roles", type("stringSet"))).isEqualTo(Set.of("user"));
    assertThat(value("missing", String.class)).isNull();
  }

  @Test
  void value_booleans() {
    current.set(
        new PlinthJsonWebToken(
            new dev.plinth.auth.Principal(
                "s",
                null,
                null,
                null,
                dev.plinth.auth.Principal.Kind.APP,
                null,
                null,
                null,
                false,
                null,
                java.util.Map.of("email_verified", true, "legacy", "false")),
            null));

    assertThat(value("email_verified", Boolean.class)).isEqualTo(true);
    assertThat(value("legacy", boolean.class)).isEqualTo(false);
    assertThatThrownBy(() -> value("sub", Boolean.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sub'");
  }

  @Test
  void value_jsonTypes() {
    assertThat(value("sub", JsonValue.class)).isInstanceOf(JsonString.class);
    assertThat(((JsonString) value("sub", JsonString.class)).getString()).isEqualTo("sub-1");
    assertThat(((JsonNumber) value("exp", JsonNumber.class)).longValue()).isEqualTo(1_893_456_000L);
    assertThat(((JsonArray) value("amr", JsonArray.class))).hasSize(2);
    assertThat(((JsonObject) value("ext", JsonObject.class)).getInt("level")).isEqualTo(2);
    assertThat(value("missing", JsonValue.class)).isNull();
    assertThatThrownBy(() -> value("sub", JsonNumber.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void value_optionals() throws Exception {
    assertThat(value("email", type("optionalString"))).isEqualTo(Optional.of("alice@example.com"));
    assertThat(value("nonce", type("optionalString"))).isEqualTo(Optional.empty());
    assertThat(value("exp", type("optionalLong"))).isEqualTo(Optional.of(1_893_456_000L));
  }

  @Test
  @SuppressWarnings("unchecked")
  void value_claimValueReadsTheCurrentTokenEachTime() throws Exception {
    ClaimValue<String> subject = (ClaimValue<String>) value("sub", type("claimValue"));
    ClaimValue<Optional<Set<String>>> scopes =
        (ClaimValue<Optional<Set<String>>>) value("scp", type("claimValueOptionalSet"));

    assertThat(subject.getName()).isEqualTo("sub");
    assertThat(subject.getValue()).isEqualTo("sub-1");
    assertThat(scopes.getValue()).contains(Set.of("Files.Read"));

    current.set(AnonymousJsonWebToken.INSTANCE);

    assertThat(subject.getValue()).isNull();
    assertThat(scopes.getValue()).isEmpty();
    assertThat(subject.toString()).doesNotContain("sub-1");
  }
}
