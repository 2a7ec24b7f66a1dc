package dev.plinth.server.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part, streaming each part's content
 * with a fixed-size buffer: nothing is held in memory or spooled to disk, so an upload can go
 * straight to the blob store. Skipping to the next part drains the current one.
 */
final class MultipartReader {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf;
  private int pos;
  private int lim;
  private PartStream current;
  private boolean finished;

  /** The body is not valid multipart (missing boundary, truncated, oversized headers). */
  static final class MalformedException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  /**
   * One part: its headers (lower-case names) and its content, readable until the next boundary.
   *
   * @param headers the part's headers
   * @param content the part's content
   */
  record Part(Map<String, String> headers, InputStream content) {}

  /**
   * Starts reading a body.
   *
   * @param in the request body
   * @param boundary the {@code boundary} parameter of the Content-Type
   */
  MultipartReader(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buf = new byte[Math.max(8192, delimiter.length * 2)];
    // The first boundary has no CRLF before it: pretend there is one, so all delimiters look alike.
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
    current = new PartStream(); // the preamble
  }

  /**
   * Moves to the next part, draining whatever is left of the current one.
   *
   * @return the part, or null after the closing boundary
   * @throws IOException if the body is malformed or cannot be read
   */
  Part next() throws IOException {
    if (finished) {
      return null;
    }
    current.transferTo(OutputStream.nullOutputStream());
    byte a = readByte();
    byte b = readByte();
    if (a == '-' && b == '-') {
      finished = true;
      return null;
    }
    while (a == ' ' || a == '\t') { // transport padding after the boundary
      a = b;
      b = readByte();
    }
    if (a != '\r' || b != '\n') {
      throw new MalformedException("A multipart boundary is not followed by a line break.");
    }
    Map<String, String> headers = readHeaders();
    current = new PartStream();
    return new Part(headers, current);
  }

  private Map<String, String> readHeaders() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    int total = 0;
    while (true) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte previous = 0;
      while (true) {
        byte c = readByte();
        if (++total > MAX_HEADER_BYTES) {
          throw new MalformedException("The headers of a multipart part exceed 16 KiB.");
        }
        if (c == '\n' && previous == '\r') {
          break;
        }
        if (previous == '\r') {
          line.write(previous);
        }
        if (c != '\r') {
          line.write(c);
        }
        previous = c;
      }
      // Browsers send non-ASCII file names as raw UTF-8.
      String text = line.toString(StandardCharsets.UTF_8);
      if (text.isEmpty()) {
        return headers;
      }
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new MalformedException("A multipart part has a header line without a name.");
      }
      headers.put(
          text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          text.substring(colon + 1).strip());
    }
  }

  private byte readByte() throws IOException {
    if (pos == lim && !fill()) {
      throw new MalformedException("The multipart body ended before its closing boundary.");
    }
    return buf[pos++];
  }

  /** Reads more bytes after what is buffered; false at the end of the body. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      return false;
    }
    lim += n;
    return true;
  }

  /** The first index of the delimiter in the buffered bytes, or -1. */
  private int findDelimiter() {
    outer:
    for (int i = pos; i <= lim - delimiter.length; i++) {
      for (int j = 0; j < delimiter.length; j++) {
        if (buf[i + j] != delimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The content of one part: ends (returns -1) where the next delimiter starts. */
  private final class PartStream extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        int at = findDelimiter();
        if (at == pos) {
          pos += delimiter.length;
          done = true;
          return -1;
        }
        // Bytes before a found delimiter, or all but a possible delimiter prefix at the end.
        int safe = at >= 0 ? at - pos : lim - pos - (delimiter.length - 1);
        if (safe > 0) {
          int n = Math.min(length, safe);
          System.arraycopy(buf, pos, target, offset, n);
          pos += n;
          return n;
        }
        if (!fill()) {
          throw new MalformedException("The multipart body ended before its closing boundary.");
        }
      }
    }
  }
}
