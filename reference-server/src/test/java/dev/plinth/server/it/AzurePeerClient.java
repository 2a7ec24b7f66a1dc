package dev.plinth.server.it;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.plinth.testing.Azurite;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The azure IT's view of the peers the build started (AzurePeers, src/it-azure): Entra tokens and
 * captured telemetry from the control server, blobs straight from Azurite through the Azure SDK.
 * Settings come from the failsafe execution {@code azure-profile-it}.
 */
final class AzurePeerClient {
  /** The tenant the server is configured with ({@code plinth.auth.entra-id.tenant-id}). */
  static final String TENANT = required("azure.it.tenant");

  /** The API's client id: the audience of the tokens. */
  static final String CLIENT_ID = required("azure.it.client-id");

  /** The Application Insights instrumentation key of the server's connection string. */
  static final String INSTRUMENTATION_KEY = required("azure.it.instrumentation-key");

  private static final String CONTROL = "http://127.0.0.1:" + required("azure.it.peers.port");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private AzurePeerClient() {}

  /**
   * An Entra v2 access token from the local issuer, for this API and tenant.
   *
   * @param roles app roles (the {@code roles} claim), comma-separated
   * @param scopes delegated scopes (the {@code scp} claim), space-separated
   */
  static String token(String subject, String roles, String scopes) {
    return tokenFor(TENANT, subject, roles, scopes);
  }

  /** A token signed by the same issuer for another tenant. */
  static String tokenFor(String tenant, String subject, String roles, String scopes) {
    String query =
        "tid="
            + encode(tenant)
            + "&aud="
            + encode(CLIENT_ID)
            + "&sub="
            + encode(subject)
            + "&roles="
            + encode(roles)
            + "&scp="
            + encode(scopes);
    HttpResponse<String> response = get(CONTROL + "/control/token?" + query);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("token request failed: " + response.body());
    }
    return response.body();
  }

  /** Every Application Insights envelope the ingestion capture received so far. */
  static List<JsonObject> envelopes() {
    String body = get(CONTROL + "/control/envelopes").body();
    return body.lines().filter(line -> !line.isBlank()).map(AzurePeerClient::parse).toList();
  }

  /** The server's blob container in Azurite, read with the Azure SDK (not through the server). */
  static BlobContainerClient container() {
    String connectionString =
        Azurite.connectionString(Integer.parseInt(required("azure.it.azurite.port")));
    return new BlobServiceClientBuilder()
        .connectionString(connectionString)
        .buildClient()
        .getBlobContainerClient(required("azure.it.container"));
  }

  /** GET an absolute URL without credentials (e.g. a SAS link). */
  static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject parse(String line) {
    try (JsonReader reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property "
              + property
              + " is not set: AzureProfileIT runs in the failsafe execution 'azure-profile-it'"
              + " of reference-server/pom.xml, which sets it.");
    }
    return value;
  }
}
