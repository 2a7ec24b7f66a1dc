package dev.plinth.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.telemetry.Scope;
import dev.plinth.telemetry.Telemetry;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

  @Test
  void newIds_haveW3cLengthsAndDiffer() {
    assertThat(TraceIds.newTraceId()).matches("[0-9a-f]{32}").isNotEqualTo(TraceIds.newTraceId());
    assertThat(TraceIds.newSpanId()).matches("[0-9a-f]{16}");
  }

  @Test
  void parse_validTraceparent_givesTraceAndParentSpan() {
    assertThat(TraceIds.parse(" 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01 "))
        .contains(new TraceIds.Parent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
  }

  @Test
  void parse_nullMalformedUpperCaseOrZeroIds_isEmpty() {
    assertThat(TraceIds.parse(null)).isEmpty();
    assertThat(TraceIds.parse("garbage")).isEmpty();
    assertThat(TraceIds.parse("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01")).isEmpty();
    assertThat(TraceIds.parse("00-00000000000000000000000000000000-b7ad6b7169203331-01")).isEmpty();
    assertThat(TraceIds.parse("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01")).isEmpty();
  }

  @Test
  void currentSpan_enterAndClose_restoresThePreviousSpan() {
    CurrentSpan<dev.plinth.telemetry.Span> current = new CurrentSpan<>();
    var outer = Telemetry.noop().startSpan("outer", dev.plinth.telemetry.SpanKind.INTERNAL);
    var inner = Telemetry.noop().startSpan("inner", dev.plinth.telemetry.SpanKind.INTERNAL);

    try (Scope a = current.enter(outer)) {
      try (Scope b = current.enter(inner)) {
        assertThat(current.get()).isSameAs(inner);
      }
      assertThat(current.get()).isSameAs(outer);
    }
    assertThat(current.get()).isNull();
  }
}
