package dev.plinth.azure.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches the signing keys of an Entra tenant: the OpenID Connect discovery document gives the
 * {@code jwks_uri}, which is remembered until a key-set fetch fails (then it is discovered again,
 * in case the endpoint moved). Only RSA signing keys with a {@code kid} are kept.
 */
final class OidcKeySource {
  private final HttpClient http;
  private final URI discoveryUri;
  private final Duration timeout;
  private volatile URI jwksUri;

  OidcKeySource(String discoveryUrl, Duration timeout) {
    this.discoveryUri = URI.create(discoveryUrl);
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * Returns the discovery document URL.
   *
   * @return the URL
   */
  URI discoveryUri() {
    return discoveryUri;
  }

  /**
   * Fetches the current key set.
   *
   * @return the RSA signing keys by {@code kid}, possibly empty
   * @throws KeyFetchException if discovery or the key set cannot be fetched or parsed
   */
  Map<String, RSAKey> fetch() throws KeyFetchException {
    URI keysUri = jwksUri != null ? jwksUri : discoverJwksUri();
    try {
      Map<String, RSAKey> keys = parseKeys(get(keysUri));
      jwksUri = keysUri;
      return keys;
    } catch (KeyFetchException e) {
      jwksUri = null;
      throw e;
    }
  }

  private URI discoverJwksUri() throws KeyFetchException {
    String body = get(discoveryUri);
    try {
      String uri = JSONObjectUtils.getString(JSONObjectUtils.parse(body), "jwks_uri");
      if (uri == null || uri.isBlank()) {
        throw new KeyFetchException("Discovery document " + discoveryUri + " has no jwks_uri.");
      }
      return URI.create(uri);
    } catch (ParseException | IllegalArgumentException e) {
      throw new KeyFetchException(
          "Discovery document " + discoveryUri + " is not valid JSON with a jwks_uri.", e);
    }
  }

  private static Map<String, RSAKey> parseKeys(String body) throws KeyFetchException {
    JWKSet set;
    try {
      set = JWKSet.parse(body);
    } catch (ParseException e) {
      throw new KeyFetchException("The key set (JWKS) is not valid JSON Web Key Set.", e);
    }
    Map<String, RSAKey> keys = new LinkedHashMap<>();
    for (JWK jwk : set.getKeys()) {
      boolean signing = jwk.getKeyUse() == null || KeyUse.SIGNATURE.equals(jwk.getKeyUse());
      if (jwk instanceof RSAKey rsa && signing && rsa.getKeyID() != null) {
        keys.put(rsa.getKeyID(), rsa);
      }
    }
    return keys;
  }

  private String get(URI uri) throws KeyFetchException {
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new KeyFetchException("GET " + uri + " answered HTTP " + response.statusCode() + ".");
      }
      return response.body();
    } catch (IOException e) {
      throw new KeyFetchException(
          "GET " + uri + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeyFetchException("Interrupted while fetching " + uri + ".", e);
    }
  }
}
