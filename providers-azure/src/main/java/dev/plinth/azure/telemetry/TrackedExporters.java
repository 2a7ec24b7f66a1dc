package dev.plinth.azure.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Decorates the Azure Monitor exporters so every export outcome reaches {@link ExportStatus}; all
 * other behaviour is delegated unchanged.
 */
final class TrackedExporters {
  private TrackedExporters() {}

  static SpanExporter spans(SpanExporter delegate, ExportStatus status) {
    return new Spans(delegate, status);
  }

  static MetricExporter metrics(MetricExporter delegate, ExportStatus status) {
    return new Metrics(delegate, status);
  }

  static LogRecordExporter logs(LogRecordExporter delegate, ExportStatus status) {
    return new Logs(delegate, status);
  }

  private record Spans(SpanExporter delegate, ExportStatus status) implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return status.track(delegate.export(spans));
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  private record Logs(LogRecordExporter delegate, ExportStatus status)
      implements LogRecordExporter {
    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      return status.track(delegate.export(logs));
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  private record Metrics(MetricExporter delegate, ExportStatus status) implements MetricExporter {
    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return status.track(delegate.export(metrics));
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return delegate.getAggregationTemporality(type);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType type) {
      return delegate.getDefaultAggregation(type);
    }

    @Override
    public MemoryMode getMemoryMode() {
      return delegate.getMemoryMode();
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }
}
