package dev.plinth.server.backup;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Converts column values between JDBC and the backup's JSON portably: text as strings, integers and
 * decimals as numbers, booleans, timestamps as ISO-8601 instants (UTC) and SQL NULL as JSON null.
 * Timestamps are read and written as {@link Timestamp} in the JVM's zone, exactly like the server's
 * {@code InstantConverter}, so a backup moves between servers in different zones intact.
 */
final class ColumnValues {
  private static final JsonProvider JSON = JsonProvider.provider();

  private ColumnValues() {}

  /**
   * Reads one column of the current row.
   *
   * @param rows the result set
   * @param index the 1-based column index
   * @param sqlType the column's {@link Types} code
   * @return the JSON value
   * @throws SQLException if the database fails
   */
  static JsonValue read(ResultSet rows, int index, int sqlType) throws SQLException {
    switch (sqlType) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        long value = rows.getLong(index);
        return rows.wasNull() ? JsonValue.NULL : JSON.createValue(value);
      }
      case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
        BigDecimal value = rows.getBigDecimal(index);
        return value == null ? JsonValue.NULL : JSON.createValue(value);
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean value = rows.getBoolean(index);
        return rows.wasNull() ? JsonValue.NULL : value ? JsonValue.TRUE : JsonValue.FALSE;
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        Timestamp value = rows.getTimestamp(index);
        return value == null ? JsonValue.NULL : JSON.createValue(value.toInstant().toString());
      }
      default -> {
        String value = rows.getString(index);
        return value == null ? JsonValue.NULL : JSON.createValue(value);
      }
    }
  }

  /**
   * Binds a backup value to an insert parameter of the target column's type.
   *
   * @param insert the statement
   * @param index the 1-based parameter index
   * @param sqlType the target column's {@link Types} code
   * @param value the value from the backup
   * @param column {@code table.column}, for the error message
   * @throws SQLException if the database fails
   * @throws InvalidBackupException if the value does not fit the column's type
   */
  static void bind(PreparedStatement insert, int index, int sqlType, JsonValue value, String column)
      throws SQLException {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      insert.setNull(index, sqlType);
      return;
    }
    switch (sqlType) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        try {
          insert.setLong(index, number(value, column).longValueExact());
        } catch (ArithmeticException e) {
          throw mismatch(column, "a whole number");
        }
      }
      case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL ->
          insert.setBigDecimal(index, number(value, column).bigDecimalValue());
      case Types.BOOLEAN, Types.BIT -> {
        if (value.getValueType() != JsonValue.ValueType.TRUE
            && value.getValueType() != JsonValue.ValueType.FALSE) {
          throw mismatch(column, "a boolean");
        }
        insert.setBoolean(index, value.getValueType() == JsonValue.ValueType.TRUE);
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        try {
          insert.setTimestamp(index, Timestamp.from(Instant.parse(text(value, column))));
        } catch (DateTimeParseException e) {
          throw mismatch(column, "an ISO-8601 instant");
        }
      }
      default -> insert.setString(index, text(value, column));
    }
  }

  private static JsonNumber number(JsonValue value, String column) {
    if (value instanceof JsonNumber number) {
      return number;
    }
    throw mismatch(column, "a number");
  }

  private static String text(JsonValue value, String column) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw mismatch(column, "a string");
  }

  private static InvalidBackupException mismatch(String column, String expected) {
    return InvalidBackupException.invalid("Column " + column + " must be " + expected + ".");
  }
}
