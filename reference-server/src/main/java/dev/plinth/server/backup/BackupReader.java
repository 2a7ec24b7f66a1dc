package dev.plinth.server.backup;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a backup written by {@link BackupWriter}, one row at a time, and checks it as it goes: a
 * Plinth header of a known format version first, rows of the header's tables only, and a trailer
 * whose counts match the rows read, with nothing after it. Anything else (bad gzip, bad UTF-8, a
 * line that is not JSON, a missing trailer) is an {@link InvalidBackupException}. Lines longer than
 * {@link #MAX_LINE_CHARS} are refused, so a hostile file cannot exhaust memory.
 */
public final class BackupReader implements Closeable {
  /** The longest line accepted (an execution row holds three JSON texts of up to 1 M chars). */
  public static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

  private static final JsonProvider JSON = JsonProvider.provider();

  private final BufferedReader in;
  private final int maxLineChars;
  private final BackupHeader header;
  private final Map<String, Long> counts = new HashMap<>();
  private long lineNumber;
  private boolean ended;

  /**
   * Opens a backup and reads its header.
   *
   * @param gzipped the backup file's bytes (closed by {@link #close})
   * @throws InvalidBackupException if the header is missing, foreign or of another version
   */
  public BackupReader(InputStream gzipped) {
    this(gzipped, MAX_LINE_CHARS);
  }

  BackupReader(InputStream gzipped, int maxLineChars) {
    this.maxLineChars = maxLineChars;
    try {
      this.in =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(gzipped, 64 * 1024),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              64 * 1024);
    } catch (IOException e) {
      throw InvalidBackupException.invalid("Not a gzip file: " + e.getMessage(), e);
    }
    JsonObject first = nextObject();
    if (first == null) {
      throw InvalidBackupException.invalid("The backup is empty.");
    }
    this.header = BackupHeader.parse(first);
    header.tables().forEach(table -> counts.put(table, 0L));
  }

  /**
   * @return the header
   */
  public BackupHeader header() {
    return header;
  }

  /**
   * Reads the next row.
   *
   * @return the row, or null once the trailer was read and checked
   * @throws InvalidBackupException if the file is corrupt or truncated
   */
  public BackupRecord next() {
    if (ended) {
      return null;
    }
    JsonObject line = nextObject();
    if (line == null) {
      throw InvalidBackupException.invalid(
          "The backup is truncated: it ends after line " + lineNumber + " without its trailer.");
    }
    if (line.containsKey("end")) {
      checkTrailer(line);
      ended = true;
      if (nextObject() != null) {
        throw InvalidBackupException.invalid("Line " + lineNumber + " follows the trailer.");
      }
      return null;
    }
    if (!(line.get("table") instanceof jakarta.json.JsonString table)
        || !(line.get("row") instanceof JsonObject row)) {
      throw InvalidBackupException.invalid(
          "Line " + lineNumber + " is not a {\"table\",\"row\"} record.");
    }
    if (!counts.containsKey(table.getString())) {
      throw InvalidBackupException.invalid(
          "Line " + lineNumber + " names table '" + table.getString() + "', not in the header.");
    }
    counts.merge(table.getString(), 1L, Long::sum);
    return new BackupRecord(table.getString(), row);
  }

  /**
   * @return the rows read so far per table (all of them once {@link #next} returned null)
   */
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void checkTrailer(JsonObject trailer) {
    if (!(trailer.get("counts") instanceof JsonObject declared)) {
      throw InvalidBackupException.invalid("The backup trailer has no counts.");
    }
    for (Map.Entry<String, Long> read : counts.entrySet()) {
      JsonValue value = declared.get(read.getKey());
      long expected = value instanceof JsonNumber number ? number.longValue() : -1;
      if (expected != read.getValue()) {
        throw InvalidBackupException.invalid(
            "The backup declares "
                + expected
                + " rows of table '"
                + read.getKey()
                + "' but holds "
                + read.getValue()
                + ": it is incomplete or was altered.");
      }
    }
  }

  private JsonObject nextObject() {
    String line;
    do {
      line = readLine();
      if (line == null) {
        return null;
      }
      lineNumber++;
    } while (line.isBlank());
    try (JsonReader reader = JSON.createReader(new StringReader(line))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw InvalidBackupException.invalid("Line " + lineNumber + " is not a JSON object.", e);
    }
  }

  private String readLine() {
    StringBuilder line = new StringBuilder();
    try {
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          return line.toString();
        }
        if (line.length() >= maxLineChars) {
          throw InvalidBackupException.invalid(
              "Line " + (lineNumber + 1) + " is longer than " + maxLineChars + " characters.");
        }
        line.append((char) c);
      }
      return line.length() == 0 ? null : line.toString();
    } catch (CharacterCodingException e) {
      throw InvalidBackupException.invalid("The backup is not valid UTF-8.", e);
    } catch (IOException e) {
      // ZipException (corrupt data, bad CRC) or EOFException (truncated gzip stream)
      throw InvalidBackupException.invalid(
          "The backup is corrupt or truncated (" + e.getClass().getSimpleName() + ").", e);
    }
  }
}
