package dev.plinth.local.cache;

import dev.plinth.redis.RedisSettings;
import dev.plinth.redis.RedisUrl;
import java.util.Optional;

/**
 * The Redis a test class runs against: the server named by {@code PLINTH_TEST_REDIS_URL} when set,
 * else an embedded server started for the class. Start it in {@code @BeforeAll}, close it in
 * {@code @AfterAll}.
 */
final class RedisTestBackend implements AutoCloseable {
  /** Environment variable naming an external Redis, e.g. {@code redis://localhost:6379/15}. */
  static final String EXTERNAL_URL_ENV = "PLINTH_TEST_REDIS_URL";

  private final EmbeddedRedis embedded;
  private final RedisSettings settings;
  private final String url;

  private RedisTestBackend(EmbeddedRedis embedded, RedisSettings settings, String url) {
    this.embedded = embedded;
    this.settings = settings;
    this.url = url;
  }

  static RedisTestBackend start() {
    Optional<String> external =
        Optional.ofNullable(System.getenv(EXTERNAL_URL_ENV)).filter(v -> !v.isBlank());
    if (external.isPresent()) {
      RedisUrl url = RedisUrl.parse(EXTERNAL_URL_ENV, external.get());
      RedisSettings base = RedisSettings.of(url.host(), url.port());
      RedisSettings settings =
          new RedisSettings(
              url.host(),
              url.port(),
              url.tls(),
              url.database(),
              null,
              base.poolMaxTotal(),
              base.poolMaxIdle(),
              base.poolMinIdle(),
              base.connectTimeout(),
              base.socketTimeout(),
              base.configPrefix());
      return new RedisTestBackend(
          null,
          url.password() == null ? settings : settings.withPassword(url.user(), url.password()),
          external.get().trim());
    }
    EmbeddedRedis embedded = EmbeddedRedis.start();
    return new RedisTestBackend(
        embedded, embedded.settings(), "redis://127.0.0.1:" + embedded.port());
  }

  RedisSettings settings() {
    return settings;
  }

  /** The URL for {@code plinth.cache.redis.url}. */
  String url() {
    return url;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
