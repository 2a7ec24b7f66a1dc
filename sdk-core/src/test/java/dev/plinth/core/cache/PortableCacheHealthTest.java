package dev.plinth.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.Health;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.tck.MutableClock;
import dev.plinth.telemetry.Telemetry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortableCacheHealthTest {
  private final FlakyCacheDriver driver = new FlakyCacheDriver();
  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final PortableCache cache =
      new PortableCache("flaky", driver, Telemetry.noop(), MapPlinthConfig.empty(), clock);

  private void absorbOneOutage() {
    driver.failWith(() -> new ProviderUnavailableException("down"));
    assertThat(cache.getOrLoad("k", null, k -> new byte[] {1})).isPresent();
    driver.failWith(null);
  }

  @Test
  void health_withoutOutage_isTheDriversHealth() {
    cache.getOrLoad("k", null, k -> new byte[] {1});
    assertThat(cache.health().state()).isEqualTo(Health.State.UP);
  }

  @Test
  void health_afterGetOrLoadAbsorbedOutage_isDegradedAlthoughDriverIsUp() {
    absorbOneOutage();

    Health health = cache.health();

    assertThat(health.state()).isEqualTo(Health.State.DEGRADED);
    assertThat(health.detail()).contains("'flaky'").contains("getOrLoad").contains("2030-01-01");
  }

  @Test
  void health_afterOutageWindowPassesWithoutFailure_isUpAgain() {
    absorbOneOutage();
    clock.advance(PortableCache.DEGRADED_AFTER_OUTAGE.minus(Duration.ofSeconds(1)));
    assertThat(cache.health().state()).isEqualTo(Health.State.DEGRADED);

    clock.advance(Duration.ofSeconds(1));

    assertThat(cache.health().state()).isEqualTo(Health.State.UP);
  }

  @Test
  void health_driverDownAfterOutage_staysDown() {
    absorbOneOutage();
    driver.reportHealth(Health.down("connection refused"));

    assertThat(cache.health()).isEqualTo(Health.down("connection refused"));
  }
}
