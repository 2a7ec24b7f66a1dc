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

  private static final int CREATE_ATTEMPTS = 5;

  private DurableFiles() {}

  /** A fully written, fsynced temp file waiting to be moved in place. */
  record Staged(Path temp, long size, String sha256) {}

  /**
   * Streams {@code content} into a new temp file next to {@code target}, hashing it on the way. On
   * any failure the temp file is deleted.
   */
  static Staged stage(Path target, InputStream content) throws IOException {
    Path temp = createTemp(target);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[BUFFER_SIZE];
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

  /** Creates the temp file, recreating the directory if a concurrent delete pruned it. */
  private static Path createTemp(Path target) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Files.createDirectories(target.getParent());
      Path temp = BlobLayout.tempFor(target);
      try {
        return Files.createFile(temp);
      } catch (NoSuchFileException e) {
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
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
