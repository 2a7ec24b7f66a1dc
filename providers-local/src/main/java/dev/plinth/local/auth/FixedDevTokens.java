package dev.plinth.local.auth;

import dev.plinth.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Static bearer tokens for quick {@code curl} use in development, configured with {@code
 * PLINTH_AUTH_DEV_TOKENS=token=subject:role1|role2;token2=subject2:role}. They never expire and are
 * not signed: they exist for local development only and are refused, with the whole dev provider,
 * under the {@code azure} profile.
 */
public final class FixedDevTokens {
  /** The configuration key. */
  static final String KEY = "plinth.auth.dev.tokens";

  private static final String EXAMPLE =
      "PLINTH_AUTH_DEV_TOKENS=dev-admin=alice:admin|user;dev-viewer=bob:viewer";

  /** One configured token: who it stands for and with which roles. */
  record Entry(byte[] token, String subject, Set<String> roles) {}

  private final List<Entry> entries;

  private FixedDevTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Parses the configured tokens. Error messages name the entry position, never its text, since the
   * value is a secret.
   *
   * @param text the configured value, or null / blank for none
   * @return the tokens
   */
  static FixedDevTokens parse(String text) {
    List<Entry> entries = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      String[] parts = text.split(";");
      for (int i = 0; i < parts.length; i++) {
        if (!parts[i].isBlank()) {
          entries.add(parseEntry(parts[i].trim(), i + 1));
        }
      }
    }
    return new FixedDevTokens(entries);
  }

  private static Entry parseEntry(String entry, int position) {
    int eq = entry.indexOf('=');
    String token = eq < 0 ? "" : entry.substring(0, eq).trim();
    String grant = eq < 0 ? "" : entry.substring(eq + 1).trim();
    int colon = grant.indexOf(':');
    String subject = (colon < 0 ? grant : grant.substring(0, colon)).trim();
    if (token.isEmpty() || subject.isEmpty()) {
      throw new ConfigurationException(
          KEY,
          "Entry "
              + position
              + " of '"
              + KEY
              + "' (PLINTH_AUTH_DEV_TOKENS) is not of the form token=subject:role1|role2. Example: "
              + EXAMPLE);
    }
    Set<String> roles = new LinkedHashSet<>();
    if (colon >= 0) {
      for (String role : grant.substring(colon + 1).split("\\|")) {
        if (!role.isBlank()) {
          roles.add(role.trim());
        }
      }
    }
    return new Entry(token.getBytes(StandardCharsets.UTF_8), subject, Set.copyOf(roles));
  }

  /**
   * Finds the entry of a presented token, comparing in constant time per entry.
   *
   * @param presented the bearer token
   * @return the matching entry, or empty
   */
  Optional<Entry> find(String presented) {
    if (entries.isEmpty()) {
      return Optional.empty(); // the usual case: skip encoding every JWT just to compare nothing
    }
    byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
    Entry found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.token(), bytes)) {
        found = entry;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Tells how many tokens are configured.
   *
   * @return the count
   */
  int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "FixedDevTokens{count=" + entries.size() + "}"; // never print the tokens
  }
}
