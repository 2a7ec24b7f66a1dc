package dev.plinth.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), falling back to {@code EVAL} (which also caches
 * it on the server) the first time or after a server restart flushed the script cache.
 */
final class RedisScript {

  /** Adds to a counter; sets the TTL only if the counter did not exist before. */
  static final RedisScript INCREMENT =
      new RedisScript(
          "local created = redis.call('exists', KEYS[1]) == 0\n"
              + "local value = redis.call('incrby', KEYS[1], ARGV[1])\n"
              + "if created and ARGV[2] ~= '' then redis.call('pexpire', KEYS[1], ARGV[2]) end\n"
              + "return value");

  /** Deletes a lease only if it still holds the caller's token. */
  static final RedisScript RELEASE_LEASE =
      new RedisScript(
          "if redis.call('get', KEYS[1]) == ARGV[1] then\n"
              + "  return redis.call('del', KEYS[1])\n"
              + "end\n"
              + "return 0");

  private final String source;
  private final String sha1;

  RedisScript(String source) {
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  /**
   * Runs the script.
   *
   * @param jedis the client
   * @param keys the KEYS
   * @param args the ARGV
   * @return the script's reply
   */
  Object run(UnifiedJedis jedis, List<String> keys, List<String> args) {
    try {
      return jedis.evalsha(sha1, keys, args);
    } catch (JedisNoScriptException e) {
      return jedis.eval(source, keys, args);
    }
  }

  private static String sha1Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }
}
