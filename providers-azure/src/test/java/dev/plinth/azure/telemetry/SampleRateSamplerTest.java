package dev.plinth.azure.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleRateSamplerTest {
  // The ratio sampler keeps a trace when the id's low 64 bits fall under ratio * Long.MAX_VALUE.
  private static final String LOW_TRACE_ID = "00000000000000000000000000000001";
  private static final String HIGH_TRACE_ID = "00000000000000007fffffffffffffff";

  @Test
  void shouldSample_keptTraceAtQuarterRatio_carriesTheSamplingPercentage() {
    SamplingResult result = sample(new SampleRateSampler(0.25), LOW_TRACE_ID);

    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.getAttributes().get(SampleRateSampler.SAMPLE_RATE)).isEqualTo(25.0);
  }

  @Test
  void shouldSample_traceAboveTheRatio_isDropped() {
    SamplingResult result = sample(new SampleRateSampler(0.25), HIGH_TRACE_ID);

    assertThat(result.getDecision()).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void shouldSample_fullRatio_keepsEverythingWithoutExtraAttributes() {
    SamplingResult result = sample(new SampleRateSampler(1.0), HIGH_TRACE_ID);

    assertThat(result.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.getAttributes().isEmpty()).isTrue();
  }

  private static SamplingResult sample(SampleRateSampler sampler, String traceId) {
    return sampler.shouldSample(
        Context.root(), traceId, "op", SpanKind.SERVER, Attributes.empty(), List.of());
  }
}
