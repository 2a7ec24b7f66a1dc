package dev.plinth.server.backup;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The first line of a backup: {@code {"format":"plinth-backup","formatVersion":1,
 * "schemaVersion":"2","createdAt":"...","id":"...","tables":["workflow","execution"]}}.
 *
 * @param formatVersion the version of the line format ({@link #FORMAT_VERSION})
 * @param schemaVersion the Flyway schema version of the database it was taken from
 * @param createdAt when the snapshot was taken
 * @param id the backup id at creation
 * @param tables the tables it holds, in restore order
 */
public record BackupHeader(
    int formatVersion, String schemaVersion, Instant createdAt, String id, List<String> tables) {
  /** The {@code format} member of every backup. */
  public static final String FORMAT = "plinth-backup";

  /** The only line format this server writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Copies the tables.
   *
   * @param formatVersion the format version
   * @param schemaVersion the schema version
   * @param createdAt the snapshot time
   * @param id the id
   * @param tables the tables
   */
  public BackupHeader {
    tables = List.copyOf(tables);
  }

  /**
   * Renders the header line.
   *
   * @return the JSON object
   */
  public JsonObject toJson() {
    JsonArrayBuilder names = Json.createArrayBuilder();
    tables.forEach(names::add);
    return Json.createObjectBuilder()
        .add("format", FORMAT)
        .add("formatVersion", formatVersion)
        .add("schemaVersion", schemaVersion)
        .add("createdAt", createdAt.toString())
        .add("id", id)
        .add("tables", names)
        .build();
  }

  /**
   * Reads and checks a header line.
   *
   * @param json the first line of a backup
   * @return the header
   * @throws InvalidBackupException if it is not a Plinth backup header or of another format version
   */
  public static BackupHeader parse(JsonObject json) {
    if (!FORMAT.equals(string(json, "format"))) {
      throw InvalidBackupException.invalid(
          "Not a Plinth backup: the first line has no \"format\":\"" + FORMAT + "\".");
    }
    JsonValue version = json.get("formatVersion");
    if (version == null || version.getValueType() != JsonValue.ValueType.NUMBER) {
      throw InvalidBackupException.invalid("The backup header has no numeric formatVersion.");
    }
    int formatVersion = json.getInt("formatVersion");
    if (formatVersion != FORMAT_VERSION) {
      throw InvalidBackupException.unsupported(
          "Backup format version "
              + formatVersion
              + " is not supported; this server reads version "
              + FORMAT_VERSION
              + ". Restore it with the server version that wrote it.");
    }
    String schemaVersion = required(json, "schemaVersion");
    String id = required(json, "id");
    Instant createdAt;
    try {
      createdAt = Instant.parse(required(json, "createdAt"));
    } catch (DateTimeParseException e) {
      throw InvalidBackupException.invalid("The backup header's createdAt is not an instant.", e);
    }
    if (!(json.get("tables") instanceof jakarta.json.JsonArray array)) {
      throw InvalidBackupException.invalid("The backup header has no tables array.");
    }
    List<String> tables =
        array.stream()
            .map(
                value -> {
                  if (value instanceof JsonString name) {
                    return name.getString();
                  }
                  throw InvalidBackupException.invalid("The backup header's tables are not names.");
                })
            .toList();
    return new BackupHeader(formatVersion, schemaVersion, createdAt, id, tables);
  }

  private static String required(JsonObject json, String name) {
    String value = string(json, name);
    if (value == null || value.isBlank()) {
      throw InvalidBackupException.invalid("The backup header has no " + name + ".");
    }
    return value;
  }

  private static String string(JsonObject json, String name) {
    return json.get(name) instanceof JsonString text ? text.getString() : null;
  }
}
