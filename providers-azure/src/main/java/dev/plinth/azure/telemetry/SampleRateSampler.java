package dev.plinth.azure.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Keeps a share of traces (parent-based, trace-id ratio) and stamps kept spans with the sampling
 * percentage the Azure Monitor exporter reads, so Application Insights scales request and
 * dependency counts back up instead of under-reporting them.
 */
final class SampleRateSampler implements Sampler {
  /** The span attribute azure-monitor-opentelemetry-autoconfigure maps to the envelope rate. */
  static final AttributeKey<Double> SAMPLE_RATE =
      AttributeKey.doubleKey("applicationinsights.internal.sample_rate");

  private final Sampler delegate;
  private final Attributes stamp;
  private final double ratio;

  SampleRateSampler(double ratio) {
    this.ratio = ratio;
    // The ratio sampler drops the one trace id equal to its bound even at 1.0: keep all instead.
    this.delegate =
        Sampler.parentBased(ratio >= 1.0 ? Sampler.alwaysOn() : Sampler.traceIdRatioBased(ratio));
    this.stamp = Attributes.of(SAMPLE_RATE, ratio * 100.0);
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    SamplingResult result =
        delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    if (ratio >= 1.0 || result.getDecision() != SamplingDecision.RECORD_AND_SAMPLE) {
      return result;
    }
    return SamplingResult.create(result.getDecision(), stamp);
  }

  @Override
  public String getDescription() {
    return "PlinthSampleRate{" + delegate.getDescription() + "}";
  }
}
