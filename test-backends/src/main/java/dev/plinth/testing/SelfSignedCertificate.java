package dev.plinth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate made with the JDK's {@code keytool} binary (no test-only crypto
 * library): a PKCS12 keystore with the key pair, and the certificate as PEM for a client
 * truststore.
 *
 * @param keyStore the PKCS12 file holding the key pair (alias {@code server})
 * @param password the keystore and key password
 * @param pem the certificate, PEM encoded
 */
public record SelfSignedCertificate(Path keyStore, String password, Path pem) {
  private static final String ALIAS = "server";

  /**
   * Generates a certificate for {@code CN=localhost}.
   *
   * @param directory where the files go (e.g. a JUnit {@code @TempDir})
   * @param name the file name stem, e.g. {@code localhost}
   * @param subjectAlternativeNames keytool's SAN syntax, e.g. {@code dns:localhost,ip:127.0.0.1}
   * @return the certificate
   */
  public static SelfSignedCertificate generate(
      Path directory, String name, String subjectAlternativeNames) {
    String password = "changeit-" + name;
    Path keyStore = directory.resolve(name + ".p12");
    Path pem = directory.resolve(name + ".pem");
    keytool(
        "-genkeypair",
        "-alias",
        ALIAS,
        "-keyalg",
        "EC",
        "-keysize",
        "256",
        "-dname",
        "CN=localhost",
        "-validity",
        "2",
        "-ext",
        "SAN=" + subjectAlternativeNames,
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        ALIAS,
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        pem.toString());
    return new SelfSignedCertificate(keyStore, password, pem);
  }

  /**
   * Writes a truststore holding only this certificate.
   *
   * @param type {@code PKCS12} or {@code JKS}
   * @param storePassword the truststore password
   * @return the truststore file, next to the PEM
   */
  public Path trustStore(String type, String storePassword) {
    String file = pem.getFileName().toString().replace(".pem", "-trust." + type.toLowerCase());
    Path trustStore = pem.resolveSibling(file);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        pem.toString(),
        "-keystore",
        trustStore.toString(),
        "-storetype",
        type,
        "-storepass",
        storePassword);
    return trustStore;
  }

  /**
   * Returns a client-side TLS context that trusts only this certificate.
   *
   * @return the context, e.g. for {@code java.net.http.HttpClient.Builder.sslContext}
   */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "self-signed", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a client context trusting " + pem, e);
    }
  }

  /**
   * Returns a server-side TLS context presenting this certificate.
   *
   * @return the context, for {@link TlsProxy}
   */
  public SSLContext serverContext() {
    try {
      KeyStore store = KeyStore.getInstance(keyStore.toFile(), password.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the generated keystore " + keyStore, e);
    }
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
