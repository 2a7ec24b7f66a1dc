package dev.plinth.server.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database's schema version: the highest successful Flyway migration, read from {@code
 * flyway_schema_history} (quoted: Flyway creates it lower-case on H2 and PostgreSQL alike).
 */
final class SchemaVersion {
  private SchemaVersion() {}

  /**
   * Reads the current version.
   *
   * @param connection a connection to the server's database
   * @return e.g. {@code "2"}, or {@code "0"} when no migration ran
   * @throws SQLException if the history table cannot be read
   */
  static String current(Connection connection) throws SQLException {
    String highest = "0";
    try (Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\""
                    + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
      while (rows.next()) {
        String version = rows.getString(1);
        if (compare(version, highest) > 0) {
          highest = version;
        }
      }
    }
    return highest;
  }

  /**
   * Compares two Flyway versions part by part ({@code 2 < 10}, {@code 2 < 2.1}).
   *
   * @param a one version
   * @param b the other
   * @return negative, zero or positive as a is older, equal or newer
   * @throws InvalidBackupException if a version is not dot-separated numbers
   */
  static int compare(String a, String b) {
    String[] left = a.split("[._]");
    String[] right = b.split("[._]");
    for (int i = 0; i < Math.max(left.length, right.length); i++) {
      long l = i < left.length ? part(left[i], a) : 0;
      long r = i < right.length ? part(right[i], b) : 0;
      if (l != r) {
        return Long.compare(l, r);
      }
    }
    return 0;
  }

  private static long part(String part, String version) {
    try {
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      throw InvalidBackupException.invalid("Schema version '" + version + "' is not numeric.");
    }
  }
}
