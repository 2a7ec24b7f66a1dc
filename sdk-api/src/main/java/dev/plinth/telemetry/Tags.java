package dev.plinth.telemetry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable metric dimensions (name &rarr; value), sorted by name. */
public final class Tags {
  private static final Tags EMPTY = new Tags(new TreeMap<>());

  private final Map<String, String> values;

  private Tags(TreeMap<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Returns no tags.
   *
   * @return the empty tags
   */
  public static Tags empty() {
    return EMPTY;
  }

  /**
   * Creates tags from alternating names and values.
   *
   * @param namesAndValues name1, value1, name2, value2, ...
   * @return the tags
   * @throws IllegalArgumentException if the count is odd
   */
  public static Tags of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Tags need name/value pairs");
    }
    TreeMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
    }
    return new Tags(map);
  }

  /**
   * Returns a copy with one more tag.
   *
   * @param name the tag name
   * @param value the tag value
   * @return the new tags
   */
  public Tags and(String name, String value) {
    TreeMap<String, String> map = new TreeMap<>(values);
    map.put(name, String.valueOf(value));
    return new Tags(map);
  }

  /**
   * Returns the tags as a map.
   *
   * @return an unmodifiable sorted map
   */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tags t && t.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
