package dev.plinth.local.telemetry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import dev.plinth.tck.EventRecord;
import dev.plinth.tck.SpanRecord;
import dev.plinth.tck.TelemetryContract;
import dev.plinth.tck.TelemetryProbe;
import dev.plinth.telemetry.SpanKind;
import dev.plinth.telemetry.Tags;
import dev.plinth.telemetry.Telemetry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the telemetry contract against the console provider, reading spans and events back from the
 * JSON lines it writes and metrics from its registry.
 */
class ConsoleTelemetryContractTest extends TelemetryContract {
  private static final List<String> LINES = new CopyOnWriteArrayList<>();
  private static final ConsoleTelemetryDriver TELEMETRY =
      new ConsoleTelemetryDriver(LINES::add, true, Clock.systemUTC());

  @Override
  protected Telemetry telemetry() {
    return TELEMETRY;
  }

  @Override
  protected TelemetryProbe probe() {
    return new TelemetryProbe() {
      @Override
      public double counter(String name, Tags tags) {
        return TELEMETRY.registry().counterValue(name, tags);
      }

      @Override
      public long timerCount(String name, Tags tags) {
        return TELEMETRY.registry().histogramCount(name, tags);
      }

      @Override
      public Double gauge(String name, Tags tags) {
        return TELEMETRY.registry().gaugeValue(name, tags);
      }

      @Override
      public List<SpanRecord> finishedSpans() {
        return parsed("span").stream()
            .map(
                o ->
                    new SpanRecord(
                        o.get("name").getAsString(),
                        SpanKind.valueOf(o.get("kind").getAsString()),
                        o.get("traceId").getAsString(),
                        o.get("spanId").getAsString(),
                        o.has("parentSpanId") ? o.get("parentSpanId").getAsString() : null,
                        attributes(o)))
            .toList();
      }

      @Override
      public List<EventRecord> events() {
        return parsed("event").stream()
            .map(
                o ->
                    new EventRecord(
                        o.get("name").getAsString(),
                        attributes(o),
                        o.has("traceId") ? o.get("traceId").getAsString() : null,
                        o.has("spanId") ? o.get("spanId").getAsString() : null,
                        o.has("correlationId") ? o.get("correlationId").getAsString() : null))
            .toList();
      }
    };
  }

  private static List<JsonObject> parsed(String type) {
    return LINES.stream()
        .map(line -> JsonParser.parseString(line).getAsJsonObject())
        .filter(o -> o.get("type").getAsString().equals(type))
        .toList();
  }

  private static Map<String, Object> attributes(JsonObject line) {
    if (!line.has("attributes")) {
      return Map.of();
    }
    // Gson reads every number as a double; compare attribute values as strings in the contract.
    Map<String, Object> values =
        new com.google.gson.Gson()
            .fromJson(line.get("attributes"), new TypeToken<Map<String, Object>>() {}.getType());
    return values;
  }
}
