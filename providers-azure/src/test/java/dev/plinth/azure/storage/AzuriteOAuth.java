package dev.plinth.azure.storage;

import static org.awaitility.Awaitility.await;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import dev.plinth.core.storage.PortableBlobStore;
import dev.plinth.spi.ProviderContext;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service over HTTPS with OAuth ({@code --oauth basic}): it accepts Entra ID bearer
 * tokens (checking issuer, audience and lifetime, not signatures), issues user delegation keys and
 * validates user-delegation SAS. The Microsoft Entra path of the azure-blob provider runs against
 * it; {@link Azurite} runs the shared-key path over plain HTTP.
 */
final class AzuriteOAuth implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final SelfSignedCertificate certificate;
  private final java.net.http.HttpClient plainHttps;

  private AzuriteOAuth(Process process, int port, SelfSignedCertificate certificate) {
    this.process = process;
    this.port = port;
    this.certificate = certificate;
    this.plainHttps =
        java.net.http.HttpClient.newBuilder().sslContext(certificate.sslContext()).build();
  }

  /**
   * Makes a certificate and starts Azurite with its data under {@code location}.
   *
   * @param location an empty directory for the certificate, Azurite's data and its log
   * @return the running emulator
   */
  static AzuriteOAuth start(Path location) throws IOException {
    SelfSignedCertificate certificate = SelfSignedCertificate.generate(location);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = location.resolve("azurite-oauth.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "node",
                    mainScript().toString(),
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    Integer.toString(port),
                    "--location",
                    location.resolve("data").toString(),
                    "--oauth",
                    "basic",
                    "--cert",
                    certificate.pfx().toString(),
                    "--pwd",
                    certificate.password(),
                    "--silent",
                    "--skipApiVersionCheck",
                    "--loose",
                    "--disableTelemetry"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // A copy with a SAS source makes Azurite fetch that URL from itself: over this certificate.
    builder.environment().put("NODE_EXTRA_CA_CERTS", certificate.pem().toString());
    Process process = builder.start();
    AzuriteOAuth azurite = new AzuriteOAuth(process, port, certificate);
    try {
      await()
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> azurite.listening() || !process.isAlive());
    } finally {
      if (!azurite.listening()) {
        azurite.close();
      }
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "Azurite (HTTPS, OAuth) exited: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    return azurite;
  }

  /** Returns the HTTPS blob endpoint of the development account. */
  String blobEndpoint() {
    return "https://127.0.0.1:" + port + "/" + Azurite.ACCOUNT;
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
                "plinth.storage.azure-blob.endpoint",
                blobEndpoint(),
                "plinth.storage.azure-blob.container",
                container,
                "plinth.storage.azure-blob.create-container",
                "true"));
    HttpClient http =
        new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create()
                    .secure(tls -> tls.sslContext(certificate.nettySslContext())))
            .build();
    AzureBlobStoreProvider provider = new AzureBlobStoreProvider(credential, http);
    return new PortableBlobStore(
        provider.name(),
        provider.create(new ProviderContext("storage", config, Telemetry.noop())),
        Telemetry.noop(),
        config);
  }

  /** Stops the emulator. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path mainScript() {
    String home = System.getProperty(Azurite.HOME_PROPERTY);
    Path prefix =
        home != null
            ? Path.of(home)
            : Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("target/azurite");
    Path main = prefix.resolve("node_modules/azurite/dist/src/blob/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          "Azurite is not installed at " + main + "; build with providers-azure in the reactor");
    }
    return main;
  }
}
