package dev.plinth.azure.storage;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away TLS certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's
 * {@code keytool} as a PKCS#12 file (Azurite's {@code --cert x.pfx --pwd ...}), and the client
 * trust that accepts exactly this certificate.
 */
final class SelfSignedCertificate {
  private final Path pfx;
  private final Path pem;
  private final String password;
  private final X509Certificate certificate;

  private SelfSignedCertificate(Path pfx, Path pem, String password, X509Certificate certificate) {
    this.pfx = pfx;
    this.pem = pem;
    this.password = password;
    this.certificate = certificate;
  }

  /**
   * Generates a key pair and its self-signed certificate, valid for two days.
   *
   * @param directory where the {@code .pfx} file goes
   * @return the certificate
   */
  static SelfSignedCertificate generate(Path directory) {
    Path pfx = directory.resolve("azurite.pfx");
    String password = UUID.randomUUID().toString();
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-storetype",
            "PKCS12",
            "-keystore",
            pfx.toString(),
            "-storepass",
            password,
            "-keypass",
            password,
            "-alias",
            "azurite",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-validity",
            "2",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make a certificate: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(pfx)) {
        store.load(in, password.toCharArray());
      }
      X509Certificate certificate = (X509Certificate) store.getCertificate("azurite");
      Path pem = directory.resolve("azurite.pem");
      Files.writeString(
          pem,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(certificate.getEncoded())
              + "\n-----END CERTIFICATE-----\n",
          StandardCharsets.US_ASCII);
      return new SelfSignedCertificate(pfx, pem, password, certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not make a self-signed certificate", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while making a certificate", e);
    }
  }

  /** Returns the PKCS#12 file holding the key and the certificate. */
  Path pfx() {
    return pfx;
  }

  /** Returns the certificate alone, PEM-encoded (for Node's {@code NODE_EXTRA_CA_CERTS}). */
  Path pem() {
    return pem;
  }

  /** Returns the password of {@link #pfx()}. */
  String password() {
    return password;
  }

  /** Returns a JDK TLS context that trusts only this certificate. */
  SSLContext sslContext() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("azurite", certificate);
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not build a TLS context", e);
    }
  }

  /** Returns a Netty (Azure SDK transport) TLS context that trusts only this certificate. */
  SslContext nettySslContext() {
    try {
      return SslContextBuilder.forClient().trustManager(certificate).build();
    } catch (IOException e) {
      throw new IllegalStateException("Could not build a Netty TLS context", e);
    }
  }
}
