package dev.plinth.core.memory;

import dev.plinth.tck.EventRecord;
import dev.plinth.tck.SpanRecord;
import dev.plinth.tck.TelemetryContract;
import dev.plinth.tck.TelemetryProbe;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.util.List;

class RecordingTelemetryContractTest extends TelemetryContract {
  private static final RecordingTelemetry TELEMETRY = new RecordingTelemetry();

  @Override
  protected Telemetry telemetry() {
    return TELEMETRY;
  }

  @Override
  protected TelemetryProbe probe() {
    return new TelemetryProbe() {
      @Override
      public double counter(String name, Tags tags) {
        return TELEMETRY.counterValue(name, tags);
      }

      @Override
      public long timerCount(String name, Tags tags) {
        return TELEMETRY.timerCount(name, tags);
      }

      @Override
      public Double gauge(String name, Tags tags) {
        return TELEMETRY.gaugeValue(name, tags);
      }

      @Override
      public List<SpanRecord> finishedSpans() {
        return TELEMETRY.finishedSpans().stream()
            .map(
                s ->
                    new SpanRecord(
                        s.name(),
                        s.kind(),
                        s.traceId(),
                        s.spanId(),
                        s.parentSpanId(),
                        s.attributes()))
            .toList();
      }

      @Override
      public List<EventRecord> events() {
        return TELEMETRY.events().stream()
            .map(
                e ->
                    new EventRecord(
                        e.name(), e.attributes(), e.traceId(), e.spanId(), e.correlationId()))
            .toList();
      }
    };
  }
}
