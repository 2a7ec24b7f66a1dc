package dev.plinth.azure.telemetry;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * One Application Insights telemetry envelope as the Azure Monitor exporter posts it: {@code {name,
 * iKey, tags, data: {baseType, baseData}}}.
 *
 * @param json the parsed envelope
 */
public record Envelope(Map<String, Object> json) {

  @SuppressWarnings("unchecked")
  static Envelope parse(String line) {
    try (JsonReader reader = JsonProviders.createReader(line)) {
      reader.nextToken();
      return new Envelope((Map<String, Object>) reader.readUntyped());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String iKey() {
    return (String) json.get("iKey");
  }

  /**
   * Returns the telemetry type.
   *
   * @return e.g. {@code MetricData}, {@code RequestData}, {@code MessageData}
   */
  public String baseType() {
    return (String) data().get("baseType");
  }

  Map<String, Object> baseData() {
    return map(data().get("baseData"));
  }

  Map<String, Object> tags() {
    return map(json.get("tags"));
  }

  String tag(String name) {
    return (String) tags().get(name);
  }

  /**
   * Returns the custom dimensions.
   *
   * @return the properties of the base data
   */
  public Map<String, Object> properties() {
    return map(baseData().get("properties"));
  }

  String operationId() {
    return tag("ai.operation.id");
  }

  String operationParentId() {
    return tag("ai.operation.parentId");
  }

  /**
   * Returns the cloud role name.
   *
   * @return the {@code ai.cloud.role} tag
   */
  public String cloudRole() {
    return tag("ai.cloud.role");
  }

  /** The single metric point of a MetricData envelope, or an empty map. */
  Map<String, Object> metric() {
    Object metrics = baseData().get("metrics");
    if (metrics instanceof List<?> list && !list.isEmpty()) {
      return map(list.get(0));
    }
    return Map.of();
  }

  /**
   * Returns the metric name of a MetricData envelope.
   *
   * @return the name, or null
   */
  public String metricName() {
    return (String) metric().get("name");
  }

  double metricValue() {
    return number(metric().get("value"));
  }

  long metricCount() {
    Object count = metric().get("count");
    return count == null ? 1 : (long) number(count);
  }

  private Map<String, Object> data() {
    return map(json.get("data"));
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : 0.0;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
