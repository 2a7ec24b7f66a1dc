package dev.plinth.azure.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Copies everything written to {@code System.out}, {@code System.err} and java.util.logging (the
 * OpenTelemetry SDK's logger) while it is open, so a test can check what would appear in logs.
 */
final class OutputCapture implements AutoCloseable {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Handler julHandler = new CapturingHandler();

  OutputCapture() {
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
    Logger.getLogger("").addHandler(julHandler);
  }

  synchronized String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (OutputCapture.this) {
              captured.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (OutputCapture.this) {
              captured.write(b, off, len);
            }
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger.getLogger("").removeHandler(julHandler);
  }

  private final class CapturingHandler extends Handler {
    @Override
    public void publish(LogRecord record) {
      String line = record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage();
      if (record.getThrown() != null) {
        line += " " + record.getThrown();
      }
      byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
      synchronized (OutputCapture.this) {
        captured.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
