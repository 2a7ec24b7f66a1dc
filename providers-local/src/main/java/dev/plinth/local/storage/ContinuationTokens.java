package dev.plinth.local.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Continuation tokens: the base64url (unpadded) of the last key of the previous page. */
final class ContinuationTokens {
  private ContinuationTokens() {}

  static String encode(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid continuation token; pass the token returned by the previous list call", e);
    }
  }
}
