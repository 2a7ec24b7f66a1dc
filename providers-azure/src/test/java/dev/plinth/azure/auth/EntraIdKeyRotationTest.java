package dev.plinth.azure.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import dev.plinth.Health;
import dev.plinth.auth.Principal;
import dev.plinth.error.AuthenticationException;
import dev.plinth.error.AuthenticationException.Reason;
import dev.plinth.tck.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Key rotation against a real HTTP issuer whose key set the test controls: a new key verifies after
 * one refresh, concurrent callers share that refresh, and unknown kids cannot make the driver
 * hammer the issuer. Each test builds its own driver (fresh cache) against the shared server.
 */
class EntraIdKeyRotationTest {
  private static LocalJwksServer issuer;

  @BeforeAll
  static void start() throws Exception {
    issuer = new LocalJwksServer();
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  private static EntraIdAuthenticatorDriver driver(MutableClock clock) {
    return EntraTestSettings.driver(
        EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant()), clock);
  }

  @Test
  void authenticate_rotatedKey_verifiesAfterOneRefresh() {
    RSAKey oldKey = LocalJwksServer.newKey();
    RSAKey newKey = LocalJwksServer.newKey();
    issuer.publish(oldKey);
    EntraIdAuthenticatorDriver driver = driver(MutableClock.now());
    driver.authenticate(issuer.token(oldKey));
    int before = issuer.jwksRequests();

    issuer.publish(newKey, oldKey);
    Principal principal = driver.authenticate(issuer.token(newKey));
    driver.authenticate(issuer.token(newKey));
    driver.authenticate(issuer.token(oldKey));

    assertThat(principal.tenant()).isEqualTo(issuer.tenant());
    assertThat(issuer.jwksRequests() - before).isEqualTo(1);
  }

  @Test
  void authenticate_fiftyConcurrentRequestsWithNewKid_fetchTheKeySetOnce() throws Exception {
    RSAKey oldKey = LocalJwksServer.newKey();
    RSAKey newKey = LocalJwksServer.newKey();
    issuer.publish(oldKey);
    // No rate limit: only single-flight can keep the 50 callers to one fetch.
    Map<String, String> settings =
        EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant());
    settings.put(EntraTestSettings.PREFIX + "jwks-refresh-min-interval", "0s");
    EntraIdAuthenticatorDriver driver = EntraTestSettings.driver(settings, MutableClock.now());
    driver.authenticate(issuer.token(oldKey));
    int before = issuer.jwksRequests();
    issuer.publish(newKey, oldKey);
    String token = issuer.token(newKey);
    // Hold the refresh open until all 50 callers are running, so they overlap with it.
    issuer.holdKeySet();
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<Principal>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(
            pool.submit(
                () -> {
                  started.incrementAndGet();
                  return driver.authenticate(token);
                }));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> started.get() == 50);
      await().atMost(Duration.ofSeconds(20)).until(() -> issuer.jwksRequests() > before);
      issuer.releaseKeySet();
      for (Future<Principal> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).tenant()).isEqualTo(issuer.tenant());
      }
    } finally {
      issuer.releaseKeySet();
      pool.shutdownNow();
    }
    assertThat(issuer.jwksRequests() - before).isEqualTo(1);
  }

  @Test
  void authenticate_secondNewKidWithinInterval_waitsForTheInterval() {
    MutableClock clock = MutableClock.now();
    RSAKey first = LocalJwksServer.newKey();
    RSAKey second = LocalJwksServer.newKey();
    RSAKey third = LocalJwksServer.newKey();
    issuer.publish(first);
    EntraIdAuthenticatorDriver driver = driver(clock);
    driver.authenticate(issuer.token(first));
    issuer.publish(first, second);
    driver.authenticate(issuer.token(second)); // the one kid-triggered refresh of this interval
    issuer.publish(first, second, third);
    int before = issuer.jwksRequests();

    assertUnknownKey(driver, issuer.token(third));
    assertThat(issuer.jwksRequests()).isEqualTo(before);

    clock.advance(Duration.ofMinutes(5));
    driver.authenticate(issuer.token(third));
    assertThat(issuer.jwksRequests() - before).isEqualTo(1);
  }

  @Test
  void authenticate_floodOfMadeUpKids_costsAtMostOneFetchPerInterval() {
    RSAKey key = LocalJwksServer.newKey();
    issuer.publish(key);
    EntraIdAuthenticatorDriver driver = driver(MutableClock.now());
    driver.authenticate(issuer.token(key));
    int before = issuer.jwksRequests();

    for (int i = 0; i < 20; i++) {
      assertUnknownKey(driver, issuer.token(LocalJwksServer.newKey()));
    }

    assertThat(issuer.jwksRequests() - before).isEqualTo(1);
  }

  @Test
  void authenticate_afterCacheTtl_refreshesTheKeySet() {
    MutableClock clock = MutableClock.now();
    RSAKey key = LocalJwksServer.newKey();
    issuer.publish(key);
    Map<String, String> settings =
        EntraTestSettings.singleTenant(issuer.authority(), issuer.tenant());
    settings.put(EntraTestSettings.PREFIX + "jwks-cache-ttl", "1h");
    EntraIdAuthenticatorDriver driver = EntraTestSettings.driver(settings, clock);
    String token = issuer.token(key); // valid for 2h of real time
    driver.authenticate(token);
    int before = issuer.jwksRequests();

    clock.advance(Duration.ofMinutes(30));
    driver.authenticate(token);
    assertThat(issuer.jwksRequests()).isEqualTo(before);

    clock.advance(Duration.ofMinutes(31));
    driver.authenticate(token);
    assertThat(issuer.jwksRequests() - before).isEqualTo(1);
    assertThat(driver.health().data()).containsEntry("lastFetchAgeSeconds", 0L);
  }

  @Test
  void health_afterFailedRefresh_isDegradedUntilTheIssuerRecovers() {
    MutableClock clock = MutableClock.now();
    RSAKey key = LocalJwksServer.newKey();
    issuer.publish(key);
    EntraIdAuthenticatorDriver driver = driver(clock);
    String token = issuer.token(key);
    driver.authenticate(token);
    assertThat(driver.health().state()).isEqualTo(Health.State.UP);

    issuer.failing(true);
    try {
      assertUnknownKey(driver, issuer.token(LocalJwksServer.newKey()));
      driver.authenticate(token); // last-good key still verifies
      assertThat(driver.health().state()).isEqualTo(Health.State.DEGRADED);
      assertThat(driver.health().detail()).contains("HTTP 503");
    } finally {
      issuer.failing(false);
    }
    clock.advance(Duration.ofMinutes(5));
    driver.authenticate(token); // retries the failed refresh once the interval has passed

    assertThat(driver.health().state()).isEqualTo(Health.State.UP);
  }

  private static void assertUnknownKey(EntraIdAuthenticatorDriver driver, String token) {
    assertThatThrownBy(() -> driver.authenticate(token))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
  }
}
