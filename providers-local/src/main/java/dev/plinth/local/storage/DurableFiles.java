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

/** Temp-file-then-rename helpers: write a temp file, fsync it, move it over the target. */
final class DurableFiles {
  /** Copy buffer size: bounded memory whatever the blob size. */
  static final int BUFFER_SIZE = 64 * 1024;

  private static final int MIN_BUFFER_SIZE = 512;
  private static final int CREATE_ATTEMPTS = 5;

  private DurableFiles() {}

  /**
   * A temp file holding the whole content, written but not yet forced to disk: the caller forces it
   * through {@link #channel} (see {@link Fsync#file}), closes the channel and moves the file in
   * place or deletes it.
   */
  record Staged(Path temp, FileChannel channel, long size, String sha256) {}

  /**
   * Streams {@code content} into a new temp file next to {@code target}, hashing it on the way. On
   * any failure the temp file is deleted.
   *
   * @param lengthHint the expected length or -1; only sizes the copy buffer
   */
  static Staged write(Path target, InputStream content, long lengthHint) throws IOException {
    return write(
        target,
        (channel, digest) -> {
          byte[] buffer = new byte[bufferSize(lengthHint)];
          long size = 0;
          for (int n; (n = content.read(buffer)) != -1; ) {
            digest.update(buffer, 0, n);
            writeFully(channel, ByteBuffer.wrap(buffer, 0, n));
            size += n;
          }
          return size;
        });
  }

  /** Writes an array into a new temp file next to {@code target}: no copy buffer. */
  static Staged write(Path target, byte[] content) throws IOException {
    return write(
        target,
        (channel, digest) -> {
          digest.update(content);
          writeFully(channel, ByteBuffer.wrap(content));
          return content.length;
        });
  }

  private static Staged write(Path target, Filler filler) throws IOException {
    Path temp = createTemp(target);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      MessageDigest digest = sha256();
      long size = filler.fill(channel, digest);
      return new Staged(temp, channel, size, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException | RuntimeException | Error e) {
      if (channel != null) {
        channel.close();
      }
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
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
    return stageSmall(target, writer, Fsync.SYSTEM);
  }

  /** {@link #stageSmall(Path, IoWriter)} with the given fsync calls. */
  static Path stageSmall(Path target, IoWriter writer, Fsync fsync) throws IOException {
    Path temp = createTemp(target);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(channel);
      writer.write(out);
      out.flush();
      fsync.file(temp, channel);
      return temp;
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Atomically replaces {@code target} with {@code temp}, then fsyncs the directory. */
  static void moveInto(Path temp, Path target) throws IOException {
    moveInto(temp, target, Fsync.SYSTEM);
  }

  /** {@link #moveInto(Path, Path)} with the given fsync calls. */
  static void moveInto(Path temp, Path target, Fsync fsync) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "The filesystem under " + target.getParent() + " cannot rename atomically", e);
    }
    fsync.directory(target.getParent());
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

  /** Writes a temp file's content and feeds it to the digest; returns the bytes written. */
  @FunctionalInterface
  private interface Filler {
    long fill(FileChannel channel, MessageDigest digest) throws IOException;
  }
}
