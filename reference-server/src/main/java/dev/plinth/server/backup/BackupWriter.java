package dev.plinth.server.backup;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a backup as gzipped JSON lines: the {@link BackupHeader}, one {@code
 * {"table":"...","row":{...}}} line per row, then a trailer {@code
 * {"end":true,"counts":{"workflow":n,...}}} that lets a reader tell a complete file from a
 * truncated one. Rows go straight to the stream: nothing but the counts is kept.
 */
public final class BackupWriter implements Closeable {
  private static final JsonProvider JSON = JsonProvider.provider();

  private final Writer out;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private boolean finished;

  /**
   * Starts a backup and writes its header line.
   *
   * @param target where the gzipped lines go (closed by {@link #close})
   * @param header the header
   * @throws IOException if the target fails
   */
  public BackupWriter(OutputStream target, BackupHeader header) throws IOException {
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(new GZIPOutputStream(target, 64 * 1024), StandardCharsets.UTF_8),
            64 * 1024);
    header.tables().forEach(table -> counts.put(table, 0L));
    line(header.toJson());
  }

  /**
   * Writes one row.
   *
   * @param table the table, one of the header's
   * @param row the row's columns by lower-case name
   * @throws IOException if the target fails
   */
  public void row(String table, JsonObject row) throws IOException {
    if (finished) {
      throw new IllegalStateException("The backup is finished; no more rows can be written.");
    }
    if (!counts.containsKey(table)) {
      throw new IllegalArgumentException("Table '" + table + "' is not in the backup header.");
    }
    line(JSON.createObjectBuilder().add("table", table).add("row", row).build());
    counts.merge(table, 1L, Long::sum);
  }

  /**
   * Writes the trailer and completes the gzip stream.
   *
   * @return the rows written per table
   * @throws IOException if the target fails
   */
  public Map<String, Long> finish() throws IOException {
    if (!finished) {
      JsonObjectBuilder numbers = JSON.createObjectBuilder();
      counts.forEach(numbers::add);
      line(JSON.createObjectBuilder().add("end", true).add("counts", numbers).build());
      finished = true;
      out.flush();
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * Closes the stream; without {@link #finish} first the backup has no trailer and a reader rejects
   * it as truncated.
   *
   * @throws IOException if the target fails
   */
  @Override
  public void close() throws IOException {
    out.close();
  }

  private void line(JsonObject json) throws IOException {
    out.write(json.toString());
    out.write('\n');
  }
}
