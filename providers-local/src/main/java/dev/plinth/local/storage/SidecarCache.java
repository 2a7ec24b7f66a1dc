package dev.plinth.local.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Parsed sidecars keyed by path and stamp (file key, modification time, size), so a read that finds
 * an unchanged sidecar costs one {@code stat} instead of an open and a parse.
 *
 * <p>Sidecar files are never modified in place: each version is a new file renamed over the old
 * one. A stamp identifies a version because every writer, under the key lock, gives the new sidecar
 * a modification time strictly later than the current one's ({@link #stampLater}); the file key and
 * size only add safety. Where the file system cannot store microsecond times (probed once per
 * root), two versions could share a stamp, so the cache is disabled there and every read parses.
 */
final class SidecarCache {
  private static final int MAX_ENTRIES = 4096;
  private static final long PROBE_MICROS = 1_234_567_891_234_567L;

  private final boolean enabled;
  private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

  private SidecarCache(boolean enabled) {
    this.enabled = enabled;
  }

  /** Creates the cache of a sidecar directory, probing its time resolution. */
  static SidecarCache forDirectory(Path metaRoot) {
    return new SidecarCache(storesMicroseconds(metaRoot));
  }

  /** The identity of one sidecar version. */
  record Stamp(Object fileKey, FileTime lastModified, long size) {}

  private record Entry(Stamp stamp, Sidecar sidecar) {}

  /** Returns the stamp of a sidecar, or null if there is none. */
  static Stamp stamp(Path file) throws IOException {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attrs.fileKey(), attrs.lastModifiedTime(), attrs.size());
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Returns the cached sidecar of this exact version, or null. */
  Sidecar get(Path file, Stamp stamp) {
    Entry entry = enabled ? entries.get(file) : null;
    return entry != null && entry.stamp().equals(stamp) ? entry.sidecar() : null;
  }

  /** Remembers a sidecar the caller verified was the version with this stamp. */
  void put(Path file, Stamp stamp, Sidecar sidecar) {
    if (!enabled) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // crude bound: a re-read costs one parse
    }
    entries.put(file, new Entry(stamp, sidecar));
  }

  /** Forgets a sidecar (this process replaced or deleted it). */
  void invalidate(Path file) {
    entries.remove(file);
  }

  /**
   * Gives a staged sidecar a fine-grained modification time (the wall clock in microseconds, not
   * the file system's coarse tick) later than the current sidecar's, so its stamp differs from
   * every earlier version's, also from one deleted and re-created within a tick on a recycled
   * inode. Done even where this process's cache is disabled, so that other processes sharing the
   * root can rely on it. Call under the key lock, just before the rename.
   */
  void stampLater(Path staged, Path current) throws IOException {
    try {
      setLaterTime(staged, current);
    } catch (IOException e) {
      if (enabled) {
        throw e;
      }
      // The probe found no microsecond times here, so no process on this root caches sidecars.
    }
  }

  private static void setLaterTime(Path staged, Path current) throws IOException {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    Stamp now = stamp(current);
    if (now != null) {
      micros = Math.max(micros, now.lastModified().to(TimeUnit.MICROSECONDS) + 1);
    }
    Files.setLastModifiedTime(staged, FileTime.from(micros, TimeUnit.MICROSECONDS));
  }

  private static boolean storesMicroseconds(Path dir) {
    Path probe = BlobLayout.tempFor(dir.resolve("time-probe"));
    try {
      Files.createFile(probe);
      FileTime wanted = FileTime.from(PROBE_MICROS, TimeUnit.MICROSECONDS);
      Files.setLastModifiedTime(probe, wanted);
      return Files.getLastModifiedTime(probe).equals(wanted);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // a leftover temp-named file is ignored by listing and harmless
      }
    }
  }
}
