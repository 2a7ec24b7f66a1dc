package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
  private static final String BOUNDARY = "----plinthBoundary42";

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 8192})
  void next_streamsEachPartExactly_whateverTheReadSizes(int chunk) throws IOException {
    byte[] content = new byte[100_000];
    new Random(7).nextBytes(content);
    // Bytes that look like the start of a delimiter must pass through unchanged.
    byte[] trap = ("\r\n--" + BOUNDARY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(trap, 0, content, 5000, trap.length);
    byte[] body =
        concat(
            ascii("preamble\r\n--" + BOUNDARY + "\r\n"),
            ascii("Content-Disposition: form-data; name=\"note\"\r\n\r\nhello"),
            ascii("\r\n--" + BOUNDARY + "\r\n"),
            ascii("Content-Disposition: form-data; name=\"file\"; filename=\"r.bin\"\r\n"),
            ascii("Content-Type: application/x-test\r\n\r\n"),
            content,
            ascii("\r\n--" + BOUNDARY + "--\r\n"));
    MultipartReader reader = new MultipartReader(new Trickle(body, chunk), BOUNDARY);

    MultipartReader.Part note = reader.next();
    assertThat(note.headers().get("content-disposition")).contains("name=\"note\"");
    assertThat(new String(note.content().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    MultipartReader.Part file = reader.next();
    assertThat(file.headers()).containsEntry("content-type", "application/x-test");
    assertThat(readInSmallSteps(file.content())).isEqualTo(content);
    assertThat(reader.next()).isNull();
  }

  @Test
  void next_skipsAnUnreadPart() throws IOException {
    byte[] body =
        ascii(
            "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nskipped\r\n--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\nkept\r\n--"
                + BOUNDARY
                + "--");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);

    reader.next();
    MultipartReader.Part second = reader.next();

    assertThat(new String(second.content().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("kept");
  }

  @Test
  void read_truncatedBody_failsAsMalformed() throws IOException {
    byte[] body =
        ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc");
    MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
    MultipartReader.Part part = reader.next();

    assertThatThrownBy(() -> part.content().readAllBytes())
        .isInstanceOf(MultipartReader.MalformedException.class);
  }

  @Test
  void next_bodyWithoutBoundary_failsAsMalformed() {
    MultipartReader reader =
        new MultipartReader(new ByteArrayInputStream(ascii("just some text")), BOUNDARY);

    assertThatThrownBy(reader::next).isInstanceOf(MultipartReader.MalformedException.class);
  }

  private static byte[] readInSmallSteps(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[333];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Hands out at most {@code chunk} bytes per read, like a slow network. */
  private static final class Trickle extends FilterInputStream {
    private final int chunk;

    Trickle(byte[] bytes, int chunk) {
      super(new ByteArrayInputStream(bytes));
      this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
