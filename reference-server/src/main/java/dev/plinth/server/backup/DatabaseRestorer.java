package dev.plinth.server.backup;

import dev.plinth.server.execution.ExecutionMessages;
import dev.plinth.server.execution.ExecutionRepository;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a backup into the database on ONE connection whose transaction the caller commits or rolls
 * back: the mode's check or deletes, then batched inserts ({@value #BATCH_SIZE} rows per batch) as
 * the rows stream in. Every row is checked against the target table's columns and types. An
 * unfinished execution ({@code queued}, or {@code running} when the backup was taken) is restored
 * as {@code queued} with a fresh outbox row, so the relay hands it to a worker again.
 */
final class DatabaseRestorer {
  /** Rows per JDBC batch. */
  static final int BATCH_SIZE = 200;

  private static final JsonProvider JSON = JsonProvider.provider();

  private final Connection connection;
  private final RestoreMode mode;
  private final Map<String, Map<String, Integer>> columnTypes = new HashMap<>();
  private final Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
  private final Map<String, Long> restored = new LinkedHashMap<>();
  private final Map<String, Long> skipped = new LinkedHashMap<>();
  private PreparedStatement outbox;
  private long requeued;
  private int pending;

  /**
   * Prepares a restore.
   *
   * @param connection a connection with auto-commit off; the caller commits or rolls back
   * @param mode what to do with existing rows
   */
  DatabaseRestorer(Connection connection, RestoreMode mode) {
    this.connection = connection;
    this.mode = mode;
  }

  /**
   * Restores every row of a backup.
   *
   * @param backup the opened backup (header already checked)
   * @return what was done; {@link RestoreResult#notEmpty()} when the mode refused
   * @throws SQLException if the database fails (e.g. a duplicate id inside the backup)
   * @throws InvalidBackupException if the backup is corrupt, truncated or does not fit the schema
   */
  RestoreResult restore(BackupReader backup) throws SQLException {
    BackupHeader header = backup.header();
    String current = SchemaVersion.current(connection);
    if (SchemaVersion.compare(header.schemaVersion(), current) > 0) {
      throw InvalidBackupException.unsupported(
          "The backup is of schema version "
              + header.schemaVersion()
              + ", newer than this database's "
              + current
              + ". Upgrade the server first.");
    }
    for (String table : header.tables()) {
      if (!BackupTables.ALL.contains(table)) {
        throw InvalidBackupException.unsupported("The backup holds unknown table '" + table + "'.");
      }
      columnTypes.put(table, columnTypes(table));
      restored.put(table, 0L);
      skipped.put(table, 0L);
    }
    if (mode == RestoreMode.EMPTY && !isEmpty()) {
      return RestoreResult.databaseNotEmpty();
    }
    if (mode == RestoreMode.REPLACE) {
      try (Statement delete = connection.createStatement()) {
        delete.executeUpdate("DELETE FROM " + BackupTables.OUTBOX);
        delete.executeUpdate("DELETE FROM " + BackupTables.EXECUTION);
        delete.executeUpdate("DELETE FROM " + BackupTables.WORKFLOW);
      }
    }
    for (BackupRecord record = backup.next(); record != null; record = backup.next()) {
      insert(record.table(), record.row());
    }
    flush();
    return new RestoreResult(false, restored, skipped, requeued);
  }

  private void insert(String table, JsonObject row) throws SQLException {
    Map<String, Integer> types = columnTypes.get(table);
    if (!(row.get(BackupTables.KEY) instanceof JsonString key)) {
      throw InvalidBackupException.invalid("A row of table '" + table + "' has no string id.");
    }
    for (String column : row.keySet()) {
      if (!types.containsKey(column)) {
        throw InvalidBackupException.invalid(
            "Table '" + table + "' has no column '" + column + "' in this database.");
      }
    }
    if (mode == RestoreMode.MERGE && exists(table, row)) {
      skipped.merge(table, 1L, Long::sum);
      return;
    }
    if (BackupTables.EXECUTION.equals(table) && isUnfinished(row)) {
      row = JSON.createObjectBuilder(row).add("status", "queued").build();
      enqueue(key.getString());
    }
    List<String> columns = new ArrayList<>(row.keySet());
    PreparedStatement insert = statement(table, columns);
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      ColumnValues.bind(insert, i + 1, types.get(column), row.get(column), table + "." + column);
    }
    insert.addBatch();
    restored.merge(table, 1L, Long::sum);
    if (++pending >= BATCH_SIZE) {
      flush();
    }
  }

  private static boolean isUnfinished(JsonObject row) {
    JsonValue status = row.get("status");
    return status instanceof JsonString text
        && Set.of("queued", "running").contains(text.getString());
  }

  private void enqueue(String executionId) throws SQLException {
    if (outbox == null) {
      outbox =
          connection.prepareStatement(
              "INSERT INTO "
                  + BackupTables.OUTBOX
                  + " (id, queue_name, message_id, body, created_at) VALUES (?, ?, ?, ?, ?)");
    }
    outbox.setString(1, UUID.randomUUID().toString());
    outbox.setString(2, ExecutionRepository.QUEUE);
    // A new message id: the broker may remember the original one.
    outbox.setString(3, executionId + ":restore-" + UUID.randomUUID());
    outbox.setString(4, ExecutionMessages.body(executionId));
    outbox.setTimestamp(5, Timestamp.from(Instant.now()));
    outbox.addBatch();
    requeued++;
  }

  private boolean exists(String table, JsonObject row) throws SQLException {
    List<List<String>> keys = new ArrayList<>();
    keys.add(List.of(BackupTables.KEY));
    keys.addAll(BackupTables.uniqueKeys(table));
    for (List<String> key : keys) {
      if (key.stream().anyMatch(column -> !(row.get(column) instanceof JsonString))) {
        continue; // a NULL never collides
      }
      String where = String.join(" = ? AND ", key) + " = ?";
      try (PreparedStatement query =
          connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
        for (int i = 0; i < key.size(); i++) {
          query.setString(i + 1, row.getString(key.get(i)));
        }
        try (ResultSet result = query.executeQuery()) {
          if (result.next() && result.getLong(1) > 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean isEmpty() throws SQLException {
    for (String table : BackupTables.ALL) {
      try (Statement query = connection.createStatement();
          ResultSet result = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
        if (result.next() && result.getLong(1) > 0) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, Integer> columnTypes(String table) throws SQLException {
    Map<String, Integer> types = new HashMap<>();
    try (Statement query = connection.createStatement();
        ResultSet empty = query.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = empty.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
      }
    }
    return types;
  }

  private PreparedStatement statement(String table, List<String> columns) throws SQLException {
    // Column names come from the target's own metadata (checked above), never raw from the file.
    String signature = table + ":" + String.join(",", columns);
    PreparedStatement insert = inserts.get(signature);
    if (insert == null) {
      insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + table
                  + " ("
                  + String.join(", ", columns)
                  + ") VALUES ("
                  + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
                  + ")");
      inserts.put(signature, insert);
    }
    return insert;
  }

  private void flush() throws SQLException {
    for (PreparedStatement insert : inserts.values()) {
      insert.executeBatch();
    }
    if (outbox != null) {
      outbox.executeBatch();
    }
    pending = 0;
  }

  /**
   * Closes the prepared statements.
   *
   * @throws SQLException if closing fails
   */
  void close() throws SQLException {
    for (PreparedStatement insert : inserts.values()) {
      insert.close();
    }
    if (outbox != null) {
      outbox.close();
    }
  }
}
