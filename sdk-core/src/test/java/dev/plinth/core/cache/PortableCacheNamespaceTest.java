package dev.plinth.core.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.core.memory.MemoryCacheDriver;
import dev.plinth.error.ConfigurationException;
import dev.plinth.tck.MapPlinthConfig;
import dev.plinth.telemetry.Telemetry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortableCacheNamespaceTest {
  private final MemoryCacheDriver driver = new MemoryCacheDriver();

  private PortableCache cache(String namespace) {
    var config =
        namespace == null
            ? MapPlinthConfig.empty()
            : new MapPlinthConfig(Map.of(PortableCache.NAMESPACE_KEY, namespace));
    return new PortableCache("memory", driver, Telemetry.noop(), config);
  }

  private static byte[] v(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void put_defaultNamespace_prefixesKeyWithPlinth() {
    cache(null).put("user:1", v("x"), null);
    assertThat(driver.get("plinth:user:1")).isEqualTo(v("x"));
    assertThat(driver.get("user:1")).isNull();
  }

  @Test
  void put_configuredNamespace_isolatesApplicationsOnOneBackend() {
    PortableCache orders = cache("orders");
    PortableCache billing = cache("billing");
    orders.put("k", v("orders"), null);
    billing.put("k", v("billing"), null);
    assertThat(orders.get("k")).hasValueSatisfying(b -> assertThat(b).isEqualTo(v("orders")));
    assertThat(driver.get("billing:k")).isEqualTo(v("billing"));
  }

  @Test
  void getAll_translatesKeysBothWays() {
    PortableCache cache = cache("app");
    cache.putAll(Map.of("a", v("1"), "b", v("2")), null);
    assertThat(driver.get("app:a")).isEqualTo(v("1"));
    assertThat(cache.getAll(List.of("a", "b", "c"))).containsOnlyKeys("a", "b");
  }

  @Test
  void getAll_duplicateKeys_returnsEachOnceInCallerOrder() {
    PortableCache cache = cache("app");
    cache.putAll(Map.of("a", v("1"), "b", v("2")), null);
    assertThat(cache.getAll(List.of("b", "missing", "a", "b")))
        .containsOnlyKeys("b", "a")
        .satisfies(found -> assertThat(found.keySet()).containsExactly("b", "a"));
  }

  @Test
  void deleteByPrefix_staysInsideNamespace() {
    PortableCache app = cache("app");
    PortableCache other = cache("other");
    app.put("s:1", v("x"), null);
    other.put("s:1", v("x"), null);
    assertThat(app.deleteByPrefix("s:")).isEqualTo(1);
    assertThat(other.get("s:1")).isPresent();
  }

  @Test
  void increment_andGetOrLoad_useNamespacedKeys() {
    PortableCache cache = cache("app");
    cache.increment("c", 3, null);
    cache.getOrLoad("loaded", null, k -> v("v"));
    assertThat(driver.get("app:c")).isEqualTo(v("3"));
    assertThat(driver.get("app:loaded")).isEqualTo(v("v"));
  }

  @Test
  void constructor_namespaceWithSpace_failsNamingKey() {
    assertThatThrownBy(() -> cache("my app"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(PortableCache.NAMESPACE_KEY);
  }
}
