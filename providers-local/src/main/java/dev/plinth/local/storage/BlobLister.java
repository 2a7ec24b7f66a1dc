package dev.plinth.local.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks the data tree in key order, reading one directory at a time and pruning subtrees that lie
 * before the start key or outside the prefix, so a page never needs every key in memory. Siblings
 * are ordered by name, with directories compared as {@code name + "/"}: that makes the walk order
 * equal to {@link String#compareTo} order of the full keys.
 */
final class BlobLister {
  private final BlobLayout layout;

  BlobLister(BlobLayout layout) {
    this.layout = layout;
  }

  /**
   * Returns up to {@code limit} keys that start with {@code prefix} and sort after {@code
   * startAfter}, in order.
   */
  List<String> keys(String prefix, String startAfter, int limit) throws IOException {
    List<String> out = new ArrayList<>(Math.min(limit, 1024));
    walk(layout.root(), "", prefix, startAfter, limit, out);
    return out;
  }

  private void walk(
      Path dir, String dirKey, String prefix, String startAfter, int limit, List<String> out)
      throws IOException {
    for (Entry entry : sortedEntries(dir, dirKey.isEmpty())) {
      if (out.size() >= limit) {
        return;
      }
      String key = dirKey + entry.sortName();
      if (entry.directory()) {
        if (subtreeMayMatch(key, prefix, startAfter)) {
          walk(dir.resolve(entry.name()), key, prefix, startAfter, limit, out);
        }
      } else if (key.startsWith(prefix) && (startAfter == null || key.compareTo(startAfter) > 0)) {
        out.add(key);
      }
    }
  }

  /** A subtree holds keys {@code dirPrefix + ...}; skip it if none can match. */
  private static boolean subtreeMayMatch(String dirPrefix, String prefix, String startAfter) {
    boolean prefixOk = dirPrefix.startsWith(prefix) || prefix.startsWith(dirPrefix);
    boolean afterOk =
        startAfter == null
            || startAfter.startsWith(dirPrefix)
            || dirPrefix.compareTo(startAfter) > 0;
    return prefixOk && afterOk;
  }

  private static List<Entry> sortedEntries(Path dir, boolean atRoot) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        String name = child.getFileName().toString();
        if ((atRoot && name.equals(BlobLayout.RESERVED)) || BlobLayout.isTempName(name)) {
          continue;
        }
        boolean directory = Files.isDirectory(child);
        entries.add(new Entry(name, directory));
      }
    } catch (NoSuchFileException e) {
      return List.of(); // pruned by a concurrent delete
    }
    entries.sort(Comparator.comparing(Entry::sortName));
    return entries;
  }

  private record Entry(String name, boolean directory) {
    String sortName() {
      return directory ? name + "/" : name;
    }
  }
}
