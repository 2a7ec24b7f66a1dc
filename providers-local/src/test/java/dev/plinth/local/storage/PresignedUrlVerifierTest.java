package dev.plinth.local.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.local.storage.PresignedUrlVerifier.Verdict;
import dev.plinth.storage.PresignMethod;
import dev.plinth.storage.PresignedUrl;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresignedUrlVerifierTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final byte[] SECRET = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path root;
  private static FileSystemBlobStoreDriver driver;

  @BeforeAll
  static void start() throws IOException {
    driver = new FileSystemBlobStoreDriver(root, null, "/blobs");
  }

  private static PresignedUrlVerifier verifierAt(Instant now) {
    return new PresignedUrlVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void verify_validSignatureBeforeExpiryIsValid() {
    long expires = NOW.getEpochSecond() + 60;
    String sig = verifierAt(NOW).sign("GET", "a/b c.txt", expires);

    assertThat(verifierAt(NOW).verify("GET", "a/b c.txt", expires, sig)).isEqualTo(Verdict.VALID);
  }

  @Test
  void verify_afterExpiryIsExpired() {
    long expires = NOW.getEpochSecond() + 60;
    String sig = verifierAt(NOW).sign("GET", "k", expires);

    assertThat(verifierAt(NOW.plusSeconds(61)).verify("GET", "k", expires, sig))
        .isEqualTo(Verdict.EXPIRED);
  }

  @Test
  void verify_tamperedPartsAreBadSignature() {
    long expires = NOW.getEpochSecond() + 60;
    PresignedUrlVerifier verifier = verifierAt(NOW);
    String sig = verifier.sign("GET", "k", expires);

    assertThat(verifier.verify("PUT", "k", expires, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify("GET", "other", expires, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify("GET", "k", expires + 3600, sig)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(verifier.verify("GET", "k", expires, "not*base64")).isEqualTo(Verdict.BAD_SIGNATURE);
    byte[] otherSecret = Arrays.copyOf(SECRET, SECRET.length);
    otherSecret[0] ^= 1;
    assertThat(
            new PresignedUrlVerifier(otherSecret, Clock.fixed(NOW, ZoneOffset.UTC))
                .verify("GET", "k", expires, sig))
        .isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void presign_buildsUrlThatTheDriverVerifierAccepts() throws IOException {
    PresignedUrl url = driver.presign("docs/a b.txt", PresignMethod.GET, Duration.ofMinutes(5));

    assertThat(url.url().getRawPath()).isEqualTo("/blobs/docs/a%20b.txt");
    Map<String, String> query = query(url.url().getRawQuery());
    assertThat(query.get("method")).isEqualTo("GET");
    assertThat(Long.parseLong(query.get("expires"))).isEqualTo(url.expiresAt().getEpochSecond());
    String key = URLDecoder.decode("docs/a%20b.txt", StandardCharsets.UTF_8);
    assertThat(
            driver
                .presignVerifier()
                .verify("GET", key, Long.parseLong(query.get("expires")), query.get("sig")))
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void presignKey_isOwnerOnlyAndSurvivesRestart() throws IOException {
    PresignedUrl url = driver.presign("k", PresignMethod.PUT, Duration.ofMinutes(5));
    Map<String, String> query = query(url.url().getRawQuery());

    FileSystemBlobStoreDriver restarted = new FileSystemBlobStoreDriver(root, null, "/blobs");

    assertThat(
            restarted
                .presignVerifier()
                .verify("PUT", "k", Long.parseLong(query.get("expires")), query.get("sig")))
        .isEqualTo(Verdict.VALID);
    assertThat(Files.getPosixFilePermissions(root.resolve(".plinth/presign.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return out;
  }
}
