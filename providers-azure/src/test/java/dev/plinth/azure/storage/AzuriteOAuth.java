package dev.plinth.azure.storage;

import static org.awaitility.Awaitility.await;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import dev.plinth.testing.Azurite;
import dev.plinth.testing.SelfSignedCertificate;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Azurite's blob service over HTTPS with OAuth ({@code --oauth basic}): it accepts Entra ID bearer
 * tokens (checking issuer, audience and lifetime, not signatures), issues user delegation keys and
 * validates user-delegation SAS. Comes with a store opened the passwordless way with an {@link
 * EmulatorEntraCredential}. {@link Azurite} runs the shared-key path over plain HTTP.
 */
final class AzuriteOAuth implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Azurite azurite;
  private final String endpoint;
  private final SelfSignedCertificate certificate;
  private final java.net.http.HttpClient plainHttps;
  private final EmulatorEntraCredential credential = EmulatorEntraCredential.valid();
  private PortableBlobStore store;

  private AzuriteOAuth(Azurite azurite, SelfSignedCertificate certificate) {
    this.azurite = azurite;
    this.endpoint = "https://127.0.0.1:" + azurite.port() + "/" + Azurite.ACCOUNT;
    this.certificate = certificate;
    this.plainHttps =
        java.net.http.HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
  }

  /**
   * Makes a certificate, starts Azurite with its data under {@code location} and opens a store on
   * {@code container}.
   *
   * @param location an empty directory for the certificate, Azurite's data and its log
   * @param container the container of {@link #store()}, created if absent
   * @return the running emulator
   */
  static AzuriteOAuth start(Path location, String container) throws IOException {
    SelfSignedCertificate certificate =
        SelfSignedCertificate.generate(location, "azurite", "dns:localhost,ip:127.0.0.1");
    Azurite emulator =
        Azurite.start(
            location,
            List.of(
                "--oauth",
                "basic",
                "--cert",
                certificate.keyStore().toString(),
                "--pwd",
                certificate.password()),
            // A copy with a SAS source makes Azurite fetch that URL from itself: over this
            // certificate.
            Map.of("NODE_EXTRA_CA_CERTS", certificate.pem().toString()));
    AzuriteOAuth azurite = new AzuriteOAuth(emulator, certificate);
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> azurite.answersHttps() || !emulator.isRunning());
      if (!emulator.isRunning()) {
        throw new IllegalStateException(
            "Azurite (HTTPS, OAuth) exited: "
                + Files.readString(location.resolve("azurite.log"), StandardCharsets.UTF_8));
      }
      azurite.store = azurite.openStore(azurite.credential, container);
      return azurite;
    } catch (RuntimeException e) {
      azurite.close();
      throw e;
    }
  }

  /** Returns the HTTPS blob endpoint of the development account. */
  String blobEndpoint() {
    return endpoint;
  }

  /** Returns the credential {@link #store()} authenticates with. */
  EmulatorEntraCredential credential() {
    return credential;
  }

  /** Returns the store opened at start, as the Platform would wrap it. */
  PortableBlobStore store() {
    return store;
  }

  /**
   * Opens the azure-blob provider on this instance the passwordless way: no connection string or
   * key, only an endpoint and a token credential (in production {@code DefaultAzureCredential}).
   *
   * @param credential the token credential
   * @param container the container, created if absent
   * @return the store, as the Platform would wrap it
   */
  PortableBlobStore openStore(TokenCredential credential, String container) {
    MapPlinthConfig config =
        new MapPlinthConfig(
            Map.of(
                "plinth.storage.azure-blob.endpoint", endpoint,
                "plinth.storage.azure-blob.container", container,
                "plinth.storage.azure-blob.create-container", "true"));
    HttpClient http =
        new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create()
                    .secure(tls -> tls.sslContext(nettyTrusting(certificate))))
            .build();
    AzureBlobStoreProvider provider = new AzureBlobStoreProvider(credential, http);
    return new PortableBlobStore(
        provider.name(),
        provider.create(new ProviderContext("storage", config, Telemetry.noop())),
        Telemetry.noop(),
        config);
  }

  /**
   * Sends a plain HTTPS request, with no token or key, as a browser holding a presigned URL would;
   * only this instance's certificate is trusted.
   *
   * @param method GET or PUT (a PUT uploads {@code body} as a block blob)
   * @param url the URL
   * @param body the PUT body; ignored for GET
   * @return the response
   */
  HttpResponse<byte[]> send(String method, URI url, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    if ("PUT".equals(method)) {
      request
          .header("x-ms-blob-type", "BlockBlob")
          .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return plainHttps.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Closes the store and stops the emulator. */
  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
    azurite.close();
  }

  /** Tells whether the TLS listener is up (any HTTP answer will do, even a refusal). */
  private boolean answersHttps() throws InterruptedException {
    try {
      send("GET", URI.create(endpoint + "?comp=list"), null);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A Netty (the Azure SDK's transport) client TLS context that trusts only the certificate. */
  private static SslContext nettyTrusting(SelfSignedCertificate certificate) {
    try {
      return SslContextBuilder.forClient().trustManager(certificate.pem().toFile()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("Could not build a Netty TLS context", e);
    }
  }
}
