package dev.plinth.bench.load;

import java.io.InputStream;
import java.util.zip.CRC32;

/**
 * A stream of {@code length} pseudo-random bytes made on the fly (nothing buffered, so a 1 GiB
 * upload costs the driver no memory), with the CRC-32 of what was read so far.
 */
final class GeneratedInputStream extends InputStream {
  private final long length;
  private final CRC32 crc = new CRC32();
  private long position;
  private long state = 0x9E3779B97F4A7C15L;

  GeneratedInputStream(long length) {
    this.length = length;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) {
    if (position >= length) {
      return -1;
    }
    int n = (int) Math.min(count, length - position);
    for (int i = 0; i < n; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      buffer[offset + i] = (byte) state;
    }
    crc.update(buffer, offset, n);
    position += n;
    return n;
  }

  /**
   * The checksum of the bytes read so far.
   *
   * @return CRC-32
   */
  long checksum() {
    return crc.getValue();
  }
}
