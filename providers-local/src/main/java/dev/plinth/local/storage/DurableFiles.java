package dev.plinth.local.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Temp-file-then-rename helpers: stream into a temp file, fsync it, move it over the target. */
final class DurableFiles {
  /** Copy buffer size: bounded memory whatever the blob size. */
  static final int BUFFER_SIZE = 64 * 1024;

  private static final int MIN_BUFFER_SIZE = 512;
  private static final int CREATE_ATTEMPTS = 5;

  private DurableFiles() {}

  /** A fully written, fsynced temp file waiting to be moved in place. */
  record Staged(Path temp, long size, String sha256) {}

  /**
   * Streams {@code content} into a new temp file next to {@code target}, hashing it on the way. On
   * any failure the temp file is deleted.
   *
   * @param lengthHint the expected length or -1; only sizes the copy buffer
   */
  static Staged stage(Path target, InputStream content, long lengthHint) throws IOException {
    Path temp = createTemp(target);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[bufferSize(lengthHint)];
      long size = 0;
      for (int n; (n = content.read(buffer)) != -1; ) {
        digest.update(buffer, 0, n);
        ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
        while (bb.hasRemaining()) {
          channel.write(bb);
        }
        size += n;
      }
      channel.force(true);
      return new Staged(temp, size, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** A copy buffer no larger than the content needs (a 4 KiB put need not allocate 64 KiB). */
  static int bufferSize(long lengthHint) {
    return lengthHint < 0
        ? BUFFER_SIZE
        : (int) Math.max(MIN_BUFFER_SIZE, Math.min(BUFFER_SIZE, lengthHint));
  }

  /** Writes a small file (a sidecar or key) durably into a temp file next to {@code target}. */
  static Path stageSmall(Path target, IoWriter writer) throws IOException {
    Path temp = createTemp(target);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      writer.write(out);
      out.flush();
      channel.force(true);
      return temp;
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Atomically replaces {@code target} with {@code temp}, then fsyncs the directory. */
  static void moveInto(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "The filesystem under " + target.getParent() + " cannot rename atomically", e);
    }
    fsyncDirectory(target.getParent());
  }

  /** Makes a directory entry change durable where the OS allows opening directories. */
  static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported on every OS (e.g. Windows); the rename itself is still atomic.
    }
  }

  /** The identity of a file that survives a rename: its inode where available. */
  static String dataId(Path file) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    Object fileKey = attrs.fileKey();
    return fileKey != null
        ? fileKey.toString()
        : attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * Creates the temp file, creating its directory only when missing (checking first would cost an
   * exception per write: {@code createDirectories} on an existing directory throws internally) and
   * recreating it if a concurrent delete pruned it.
   */
  private static Path createTemp(Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path temp = BlobLayout.tempFor(target);
      try {
        return Files.createFile(temp);
      } catch (NoSuchFileException e) {
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
        Files.createDirectories(target.getParent());
      } catch (FileAlreadyExistsException e) {
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Writes content to a stream. */
  @FunctionalInterface
  interface IoWriter {
    void write(OutputStream out) throws IOException;
  }
}
