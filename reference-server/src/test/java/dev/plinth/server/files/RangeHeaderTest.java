package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.ByteRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeHeaderTest {

  @ParameterizedTest
  @CsvSource({
    "bytes=0-99, 0, 100",
    "bytes=10-10, 10, 1",
    "bytes=900-2000, 900, 100",
    "bytes=990-, 990, 10",
    "bytes=0-, 0, 1000",
    "bytes=-10, 990, 10",
    "bytes=-5000, 0, 1000",
    "' bytes=1-2 ', 1, 2"
  })
  void parse_singleRanges_resolveAgainstTheSize(String header, long offset, long length) {
    RangeHeader.Result result = RangeHeader.parse(header, 1000);

    assertThat(result.kind()).isEqualTo(RangeHeader.Kind.PARTIAL);
    assertThat(result.range()).isEqualTo(ByteRange.of(offset, length));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=1000-", "bytes=1000-1001", "bytes=-0", "bytes=5000-6000"})
  void parse_rangesOutsideTheBlob_areUnsatisfiable(String header) {
    assertThat(RangeHeader.parse(header, 1000).kind()).isEqualTo(RangeHeader.Kind.UNSATISFIABLE);
  }

  @Test
  void parse_anyRangeOfAnEmptyBlob_isUnsatisfiable() {
    assertThat(RangeHeader.parse("bytes=-1", 0).kind()).isEqualTo(RangeHeader.Kind.UNSATISFIABLE);
    assertThat(RangeHeader.parse("bytes=0-", 0).kind()).isEqualTo(RangeHeader.Kind.UNSATISFIABLE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bytes=",
        "bytes=-",
        "bytes=5-1",
        "items=0-1",
        "bytes=0-1,5-6",
        "bytes=a-b",
        "bytes=99999999999999999999-"
      })
  void parse_unusableHeaders_serveTheWholeBlob(String header) {
    RangeHeader.Result result = RangeHeader.parse(header, 1000);

    assertThat(result.kind()).isEqualTo(RangeHeader.Kind.WHOLE);
    assertThat(result.range()).isNull();
  }

  @Test
  void parse_noHeader_servesTheWholeBlob() {
    assertThat(RangeHeader.parse(null, 10).kind()).isEqualTo(RangeHeader.Kind.WHOLE);
  }

  @Test
  void contentRange_formatsInclusiveBoundsAndSize() {
    assertThat(RangeHeader.contentRange(ByteRange.of(10, 5), 100)).isEqualTo("bytes 10-14/100");
    assertThat(RangeHeader.unsatisfied(100)).isEqualTo("bytes */100");
  }
}
