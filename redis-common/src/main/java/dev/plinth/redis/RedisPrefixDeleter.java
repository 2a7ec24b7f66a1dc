package dev.plinth.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Deletes keys by prefix incrementally: {@code SCAN MATCH <escaped prefix>* COUNT 500} with one
 * {@code UNLINK} per batch, so the server is never blocked the way {@code KEYS} would block it.
 */
final class RedisPrefixDeleter {
  static final int SCAN_COUNT = 500;

  private final UnifiedJedis jedis;

  RedisPrefixDeleter(UnifiedJedis jedis) {
    this.jedis = jedis;
  }

  /**
   * Deletes every key starting with a prefix.
   *
   * @param prefix the literal prefix (glob characters in it match only themselves)
   * @return the number of keys deleted
   */
  long deleteByPrefix(String prefix) {
    ScanParams params = new ScanParams().match(escapeGlob(prefix) + "*").count(SCAN_COUNT);
    byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
    long deleted = 0;
    ScanResult<byte[]> page;
    do {
      page = jedis.scan(cursor, params);
      if (!page.getResult().isEmpty()) {
        // SCAN may return a key twice; UNLINK counts only keys that still existed.
        deleted += jedis.unlink(page.getResult().toArray(byte[][]::new));
      }
      cursor = page.getCursorAsBytes();
    } while (!page.isCompleteIteration());
    return deleted;
  }

  /**
   * Escapes Redis glob characters ({@code * ? [ ] \}) so they match literally.
   *
   * @param literal the text
   * @return the escaped pattern
   */
  static String escapeGlob(String literal) {
    StringBuilder sb = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
