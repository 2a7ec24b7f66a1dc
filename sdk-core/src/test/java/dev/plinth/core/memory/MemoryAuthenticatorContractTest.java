package dev.plinth.core.memory;

import dev.plinth.auth.Authenticator;
import dev.plinth.auth.TokenRequest;
import dev.plinth.core.auth.PortableAuthenticator;
import dev.plinth.tck.AuthenticatorContract;
import dev.plinth.tck.TokenFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

class MemoryAuthenticatorContractTest extends AuthenticatorContract {
  private static final MemoryAuthenticatorDriver DRIVER =
      new MemoryAuthenticatorDriver(MemoryAuthSettings.defaults(), Clock.systemUTC());
  private static final Authenticator AUTHENTICATOR =
      new PortableAuthenticator("memory", DRIVER, new RecordingTelemetry());

  @Override
  protected Authenticator authenticator() {
    return AUTHENTICATOR;
  }

  @Override
  protected TokenFixtures fixtures() {
    return new MemoryTokenFixtures(DRIVER);
  }

  /** Mints tokens with the driver's own key, altering one property each. */
  static final class MemoryTokenFixtures implements TokenFixtures {
    private final MemoryAuthenticatorDriver driver;

    MemoryTokenFixtures(MemoryAuthenticatorDriver driver) {
      this.driver = driver;
    }

    private Map<String, String> claims(String iss, String aud, Instant exp) {
      return Map.of(
          "sub",
          "fixture",
          "typ",
          "access",
          "iss",
          iss,
          "aud",
          aud,
          "exp",
          Long.toString(exp.getEpochSecond()));
    }

    private String sign(String iss, String aud, Instant exp) {
      return driver.signClaims(claims(iss, aud, exp));
    }

    private static Instant inAnHour() {
      return Instant.now().plusSeconds(3600);
    }

    @Override
    public String valid(TokenRequest request) {
      return driver.issue(request).accessToken();
    }

    @Override
    public String expired() {
      return sign(
          MemoryAuthSettings.DEFAULT_ISSUER,
          MemoryAuthSettings.DEFAULT_AUDIENCE,
          Instant.now().minusSeconds(3600));
    }

    @Override
    public String badSignature() {
      String token =
          sign(MemoryAuthSettings.DEFAULT_ISSUER, MemoryAuthSettings.DEFAULT_AUDIENCE, inAnHour());
      int last = token.length() - 2; // flip a full base64url character, not trailing bits
      return token.substring(0, last)
          + (token.charAt(last) == 'A' ? 'B' : 'A')
          + token.charAt(last + 1);
    }

    @Override
    public String wrongAudience() {
      return sign(MemoryAuthSettings.DEFAULT_ISSUER, "api://someone-else", inAnHour());
    }

    @Override
    public String wrongIssuer() {
      return sign("https://evil.example", MemoryAuthSettings.DEFAULT_AUDIENCE, inAnHour());
    }

    @Override
    public String algNone() {
      String signed =
          sign(MemoryAuthSettings.DEFAULT_ISSUER, MemoryAuthSettings.DEFAULT_AUDIENCE, inAnHour());
      String header =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString("alg=none\ntyp=JWT\n".getBytes(StandardCharsets.UTF_8));
      return header + "." + signed.split("\\.")[1] + ".";
    }

    @Override
    public String malformed() {
      return "this-is-not.a-token";
    }
  }
}
