package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

  @Test
  void read_bodyAtTheLimit_passesThrough() throws IOException {
    LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

    assertThat(in.readAllBytes()).hasSize(100);
    assertThat(in.exceeded()).isFalse();
  }

  @Test
  void read_bodyAboveTheLimit_throwsAfterReadingOneExtraByte() {
    ByteArrayInputStream source = new ByteArrayInputStream(new byte[10_000]);
    LimitedInputStream in = new LimitedInputStream(source, 100);

    assertThatThrownBy(in::readAllBytes).isInstanceOf(LimitedInputStream.TooLargeException.class);
    assertThat(in.exceeded()).isTrue();
    assertThat(source.available()).isEqualTo(10_000 - 101);
  }
}
