package dev.plinth.local.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-key mutual exclusion within this JVM (striped {@link ReentrantLock}s) and across processes
 * sharing the root (an exclusive {@link FileChannel#lock()} on one lock file per stripe). Held
 * around a write's precondition check and renames so that two writers cannot both win.
 */
final class KeyLocks {
  private static final int STRIPES = 256;
  private static final Map<Path, KeyLocks> BY_ROOT = new ConcurrentHashMap<>();

  private final Path lockDir;
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  private KeyLocks(Path lockDir) {
    this.lockDir = lockDir;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Returns the locks of a lock directory, shared by every driver in this JVM that uses it (two
   * JVM-level file locks on one file would otherwise fail with OverlappingFileLockException).
   */
  static KeyLocks forDirectory(Path lockDir) throws IOException {
    Files.createDirectories(lockDir);
    return BY_ROOT.computeIfAbsent(lockDir.toRealPath(), KeyLocks::new);
  }

  /** Acquires the lock of a key; close the result to release it. */
  Held acquire(String key) throws IOException {
    int stripe = Math.floorMod(key.hashCode(), STRIPES); // String.hashCode is stable across JVMs
    ReentrantLock local = stripes[stripe];
    local.lock();
    if (local.getHoldCount() > 1) {
      return new Held(local, null);
    }
    try {
      Path file = lockDir.resolve(String.format("%02x.lock", stripe));
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return new Held(local, channel);
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /** A held key lock. */
  static final class Held implements AutoCloseable {
    private final ReentrantLock local;
    private final FileChannel channel;

    private Held(ReentrantLock local, FileChannel channel) {
      this.local = local;
      this.channel = channel;
    }

    /** Releases the file lock (by closing its channel) and then the in-process lock. */
    @Override
    public void close() throws IOException {
      try {
        if (channel != null) {
          channel.close();
        }
      } finally {
        local.unlock();
      }
    }
  }
}
