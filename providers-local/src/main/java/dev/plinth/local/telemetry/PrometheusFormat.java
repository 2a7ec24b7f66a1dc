package dev.plinth.local.telemetry;

import dev.plinth.telemetry.Tags;
import java.util.Map;

/** Renders a {@link MetricRegistry} in the Prometheus text exposition format (version 0.0.4). */
public final class PrometheusFormat {
  /** The content type to serve the exposition with. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusFormat() {}

  /**
   * Renders every metric with {@code # HELP} and {@code # TYPE} lines; histograms get cumulative
   * {@code _bucket{le=...}} series plus {@code _sum} and {@code _count}.
   *
   * @param registry the metrics
   * @return the exposition text
   */
  public static String render(MetricRegistry registry) {
    StringBuilder out = new StringBuilder(4096);
    for (MetricRegistry.Family family : registry.families()) {
      out.append("# HELP ").append(family.name).append(' ');
      out.append(MetricHelp.describe(family.name).replace("\\", "\\\\").replace("\n", "\\n"));
      out.append('\n');
      out.append("# TYPE ").append(family.name).append(' ');
      out.append(family.type.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
      for (Map.Entry<Tags, Object> e : family.sortedSeries().entrySet()) {
        renderSeries(out, family.name, e.getKey(), e.getValue());
      }
    }
    return out.toString();
  }

  private static void renderSeries(StringBuilder out, String name, Tags tags, Object series) {
    if (series instanceof MetricRegistry.CounterSeries c) {
      sample(out, name, tags, null, c.value());
    } else if (series instanceof MetricRegistry.GaugeSeries g) {
      sample(out, name, tags, null, g.value());
    } else if (series instanceof MetricRegistry.HistogramSeries h) {
      long[] cumulative = h.cumulative();
      for (int i = 0; i < h.bounds.length; i++) {
        sample(out, name + "_bucket", tags, format(h.bounds[i]), cumulative[i]);
      }
      sample(out, name + "_bucket", tags, "+Inf", h.count());
      sample(out, name + "_sum", tags, null, h.sum());
      sample(out, name + "_count", tags, null, h.count());
    }
  }

  private static void sample(StringBuilder out, String name, Tags tags, String le, double value) {
    out.append(name);
    if (!tags.asMap().isEmpty() || le != null) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> t : tags.asMap().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(t.getKey()).append("=\"").append(escape(t.getValue())).append('"');
      }
      if (le != null) {
        out.append(first ? "" : ",").append("le=\"").append(le).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
  }

  private static String escape(String labelValue) {
    return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String format(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
