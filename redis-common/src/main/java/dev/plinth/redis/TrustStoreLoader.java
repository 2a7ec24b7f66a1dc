package dev.plinth.redis;

import dev.plinth.error.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads a truststore file into a TLS socket factory: PEM (one or more {@code BEGIN CERTIFICATE}
 * blocks) or a PKCS12/JKS keystore (type detected from the content). Every failure is a {@link
 * ConfigurationException} naming the key; the password is never part of a message.
 */
final class TrustStoreLoader {
  private static final String PEM_MARKER = "-----BEGIN ";
  private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

  private TrustStoreLoader() {}

  /**
   * Loads a truststore.
   *
   * @param key the configuration key naming the file, for messages
   * @param path the file
   * @param password the PKCS12/JKS password, or null (ignored for PEM)
   * @return a socket factory trusting exactly the file's certificates
   * @throws ConfigurationException if the file is missing, unreadable, holds no certificate, or the
   *     password does not open it
   */
  static SSLSocketFactory load(String key, String path, String password) {
    byte[] content = read(key, path);
    KeyStore trusted =
        isPem(content) ? fromPem(key, path, content) : fromKeyStore(key, path, password);
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw invalid(key, path, "it cannot be used as a TLS truststore (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] read(String key, String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (NoSuchFileException e) {
      throw invalid(key, path, "the file does not exist", e);
    } catch (IOException | InvalidPathException e) {
      throw invalid(key, path, "it cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static boolean isPem(byte[] content) {
    return new String(content, StandardCharsets.ISO_8859_1).contains(PEM_MARKER);
  }

  /** Every certificate of a PEM file; the JDK's X.509 factory reads PEM bundles itself. */
  private static KeyStore fromPem(String key, String path, byte[] content) {
    if (!new String(content, StandardCharsets.ISO_8859_1).contains(PEM_CERTIFICATE)) {
      throw invalid(key, path, "it is PEM but holds no '" + PEM_CERTIFICATE + "' block", null);
    }
    KeyStore store = emptyStore();
    try {
      int count = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(content))) {
        store.setCertificateEntry("ca-" + count++, certificate);
      }
      return store;
    } catch (CertificateException e) {
      throw invalid(key, path, "a PEM certificate in it is malformed (" + e.getMessage() + ")", e);
    } catch (GeneralSecurityException e) {
      throw invalid(key, path, "its certificates cannot be stored (" + e.getMessage() + ")", e);
    }
  }

  private static KeyStore fromKeyStore(String key, String path, String password) {
    char[] secret = password == null ? null : password.toCharArray();
    KeyStore store;
    try {
      store = KeyStore.getInstance(Path.of(path).toFile(), secret);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException || password != null) {
        throw invalid(
            key,
            path,
            "the password in '"
                + key
                + "-password' does not open it"
                + (password == null ? " (none is set)" : ""),
            e);
      }
      throw invalid(key, path, "it cannot be opened without '" + key + "-password'", e);
    } catch (GeneralSecurityException e) {
      throw invalid(key, path, "it is neither PEM nor a PKCS12/JKS keystore", e);
    }
    if (countCertificates(store) == 0) {
      throw invalid(
          key,
          path,
          "it holds no certificate"
              + (password == null ? " readable without '" + key + "-password'" : ""),
          null);
    }
    return store;
  }

  private static int countCertificates(KeyStore store) {
    try {
      int count = 0;
      for (String alias : Collections.list(store.aliases())) {
        if (store.getCertificate(alias) != null) {
          count++;
        }
      }
      return count;
    } catch (GeneralSecurityException e) {
      return 0;
    }
  }

  private static KeyStore emptyStore() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the JVM cannot create an empty keystore", e);
    }
  }

  private static ConfigurationException invalid(
      String key, String path, String why, Throwable cause) {
    return new ConfigurationException(
        key,
        "The truststore '"
            + path
            + "' in '"
            + key
            + "' cannot be used: "
            + why
            + ". Set '"
            + key
            + "' to a PEM file with the CA certificate(s) that issued the Redis server's"
            + " certificate, or to a PKCS12/JKS truststore with its password in '"
            + key
            + "-password'.",
        cause);
  }
}
