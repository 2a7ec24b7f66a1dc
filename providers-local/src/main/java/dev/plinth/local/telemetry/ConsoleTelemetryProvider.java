package dev.plinth.local.telemetry;

import dev.plinth.config.PlinthConfig;
import dev.plinth.spi.ProviderContext;
import dev.plinth.spi.telemetry.TelemetryDriver;
import dev.plinth.spi.telemetry.TelemetryProvider;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * The {@code console} telemetry provider. Settings: {@code plinth.telemetry.console.stream} ({@code
 * stdout} or {@code stderr}, default stdout) and {@code plinth.telemetry.console.spans} (write
 * finished spans, default true).
 */
public final class ConsoleTelemetryProvider implements TelemetryProvider {

  @Override
  public String name() {
    return "console";
  }

  @Override
  public String description() {
    return "JSON lines on the console and Prometheus metrics in memory";
  }

  @Override
  public TelemetryDriver create(ProviderContext context) {
    String key = context.key("console.stream");
    String stream = context.get("console.stream").orElse("stdout").trim().toLowerCase(Locale.ROOT);
    PrintStream out =
        switch (stream) {
          case "stdout" -> System.out;
          case "stderr" -> System.err;
          default -> throw PlinthConfig.invalid(key, stream, "stdout or stderr");
        };
    boolean spans = context.config().getBoolean(context.key("console.spans"), true);
    return new ConsoleTelemetryDriver(out::println, spans, Clock.systemUTC());
  }
}
