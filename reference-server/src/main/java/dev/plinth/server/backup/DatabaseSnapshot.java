package dev.plinth.server.backup;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Writes every row of {@link BackupTables#ALL} to a {@link BackupWriter} inside ONE read-only
 * snapshot transaction, so the backup is consistent even while executions keep changing. Tables are
 * paged by primary key ({@code id > last ORDER BY id}, {@value #PAGE_SIZE} rows per query):
 * portable SQL, and no table is ever held in memory.
 */
final class DatabaseSnapshot {
  /** Rows per query. */
  static final int PAGE_SIZE = 200;

  /** H2's {@code SNAPSHOT} isolation level (not a java.sql constant). */
  private static final int H2_SNAPSHOT = 6;

  private static final JsonProvider JSON = JsonProvider.provider();

  private DatabaseSnapshot() {}

  /**
   * Starts the snapshot transaction on a connection: auto-commit off, read-only, and the isolation
   * level that gives one consistent view of every table ({@code SNAPSHOT} on H2, {@code REPEATABLE
   * READ} elsewhere, which is snapshot isolation on PostgreSQL).
   *
   * @param connection a fresh connection
   * @throws SQLException if the database refuses
   */
  static void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    DatabaseMetaData meta = connection.getMetaData();
    boolean h2 = meta.getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
    if (h2 && meta.supportsTransactionIsolationLevel(H2_SNAPSHOT)) {
      connection.setTransactionIsolation(H2_SNAPSHOT);
    } else if (meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    } else {
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    }
  }

  /**
   * Writes every table's rows.
   *
   * @param connection a connection inside {@link #begin}
   * @param writer the backup being written
   * @throws SQLException if the database fails
   * @throws IOException if the backup's target fails
   */
  static void write(Connection connection, BackupWriter writer) throws SQLException, IOException {
    for (String table : BackupTables.ALL) {
      writeTable(connection, table, writer);
    }
  }

  private static void writeTable(Connection connection, String table, BackupWriter writer)
      throws SQLException, IOException {
    String key = BackupTables.KEY;
    String last = null;
    while (true) {
      String sql =
          "SELECT * FROM "
              + table
              + (last == null ? "" : " WHERE " + key + " > ?")
              + " ORDER BY "
              + key;
      int read = 0;
      try (PreparedStatement page = connection.prepareStatement(sql)) {
        page.setMaxRows(PAGE_SIZE);
        page.setFetchSize(PAGE_SIZE);
        if (last != null) {
          page.setString(1, last);
        }
        try (ResultSet rows = page.executeQuery()) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            JsonObjectBuilder row = JSON.createObjectBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              row.add(
                  columns.getColumnLabel(i).toLowerCase(Locale.ROOT),
                  ColumnValues.read(rows, i, columns.getColumnType(i)));
            }
            last = rows.getString(key);
            writer.row(table, row.build());
            read++;
          }
        }
      }
      if (read < PAGE_SIZE) {
        return;
      }
    }
  }
}
