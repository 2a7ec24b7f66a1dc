package dev.plinth.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshot and restore against an in-memory H2 database migrated with the server's scripts. */
class DatabaseBackupTest {
  private static String url;
  private static Connection keepAlive;

  @BeforeAll
  static void database() throws SQLException {
    url = "jdbc:h2:mem:backup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    keepAlive = DriverManager.getConnection(url, "sa", "");
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @AfterAll
  static void drop() throws SQLException {
    keepAlive.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    sql("DELETE FROM outbox");
    sql("DELETE FROM execution");
    sql("DELETE FROM workflow");
  }

  @Test
  void snapshot_ignoresRowsCommittedAfterItBegan() throws Exception {
    insertWorkflows(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      DatabaseSnapshot.begin(connection);
      BackupHeader header =
          new BackupHeader(
              1, SchemaVersion.current(connection), Instant.now(), "t", BackupTables.ALL);
      insertWorkflow("w-later"); // committed by another connection after the snapshot began
      try (BackupWriter writer = new BackupWriter(out, header)) {
        DatabaseSnapshot.write(connection, writer);
        assertThat(writer.finish()).containsEntry("workflow", 1L);
      }
      connection.rollback();
    }
  }

  @Test
  void snapshot_writesEveryRowWithSchemaVersion() throws Exception {
    insertWorkflows(450); // more than two pages
    sql(
        "INSERT INTO execution VALUES ('e1','w0001',1,'{}','succeeded','{\"a\":1}','{\"s\":{}}',"
            + "2,NULL,'ada','key-1',TIMESTAMP '2026-01-01 10:00:00',NULL,NULL,3,NULL)");

    byte[] backup = snapshot();

    try (BackupReader reader = new BackupReader(new ByteArrayInputStream(backup))) {
      assertThat(reader.header().schemaVersion()).isEqualTo("3");
      List<BackupRecord> rows = new ArrayList<>();
      for (BackupRecord r = reader.next(); r != null; r = reader.next()) {
        rows.add(r);
      }
      assertThat(rows).hasSize(451);
      BackupRecord execution = rows.get(450);
      assertThat(execution.table()).isEqualTo("execution");
      assertThat(execution.row().getString("params_json")).isEqualTo("{\"a\":1}");
      assertThat(execution.row().getInt("attempts")).isEqualTo(2);
      assertThat(execution.row().getString("idempotency_key")).isEqualTo("key-1");
      assertThat(execution.row().isNull("error")).isTrue();
      assertThat(execution.row().getInt("row_version")).isEqualTo(3);
      assertThat(Instant.parse(execution.row().getString("created_at")))
          .isEqualTo(java.sql.Timestamp.valueOf("2026-01-01 10:00:00").toInstant());
    }
  }

  @Test
  void restore_emptyDatabase_loadsEverythingAndRequeuesUnfinished() throws Exception {
    insertWorkflows(3);
    insertExecution("e-done", "succeeded", "k1");
    insertExecution("e-running", "running", null);
    byte[] backup = snapshot();
    sql("DELETE FROM execution");
    sql("DELETE FROM workflow");

    RestoreResult result = restore(backup, RestoreMode.EMPTY);

    assertThat(result.notEmpty()).isFalse();
    assertThat(result.restored()).containsEntry("workflow", 3L).containsEntry("execution", 2L);
    assertThat(result.requeued()).isEqualTo(1);
    assertThat(query("SELECT status FROM execution WHERE id = 'e-running'")).isEqualTo("queued");
    assertThat(query("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")).isEqualTo("1");
    assertThat(query("SELECT idempotency_key FROM execution WHERE id = 'e-done'")).isEqualTo("k1");
  }

  @Test
  void restore_emptyModeWithData_changesNothing() throws Exception {
    insertWorkflows(2);
    byte[] backup = snapshot();

    RestoreResult result = restore(backup, RestoreMode.EMPTY);

    assertThat(result.notEmpty()).isTrue();
    assertThat(query("SELECT COUNT(*) FROM workflow")).isEqualTo("2");
  }

  @Test
  void restore_replace_bringsBackDeletedAndDropsNewRows() throws Exception {
    insertWorkflows(2);
    byte[] backup = snapshot();
    sql("DELETE FROM workflow WHERE id = 'w0000'");
    sql("UPDATE workflow SET name = 'changed' WHERE id = 'w0001'");
    insertWorkflow("w-new");

    restore(backup, RestoreMode.REPLACE);

    assertThat(query("SELECT COUNT(*) FROM workflow")).isEqualTo("2");
    assertThat(query("SELECT name FROM workflow WHERE id = 'w0001'")).isEqualTo("wf w0001");
    assertThat(query("SELECT COUNT(*) FROM workflow WHERE id = 'w-new'")).isEqualTo("0");
  }

  @Test
  void restore_merge_addsMissingAndKeepsExistingRows() throws Exception {
    insertWorkflows(2);
    insertExecution("e1", "succeeded", "key");
    byte[] backup = snapshot();
    sql("DELETE FROM workflow WHERE id = 'w0000'");
    sql("UPDATE workflow SET name = 'kept' WHERE id = 'w0001'");
    sql("UPDATE execution SET id = 'e2' WHERE id = 'e1'"); // same idempotency key, other id

    RestoreResult result = restore(backup, RestoreMode.MERGE);

    assertThat(result.restored()).containsEntry("workflow", 1L).containsEntry("execution", 0L);
    assertThat(result.skipped()).containsEntry("workflow", 1L).containsEntry("execution", 1L);
    assertThat(query("SELECT name FROM workflow WHERE id = 'w0001'")).isEqualTo("kept");
    assertThat(query("SELECT COUNT(*) FROM workflow WHERE id = 'w0000'")).isEqualTo("1");
  }

  @Test
  void restore_failureHalfway_rollsBackEverything() throws Exception {
    insertWorkflows(1);
    String header =
        new BackupHeader(1, "2", Instant.now(), "x", BackupTables.ALL).toJson().toString();
    String row =
        "{\"table\":\"workflow\",\"row\":{\"id\":\"w-%s\",\"name\":\"n\",\"status\":\"draft\","
            + "\"definition_json\":\"{}\",\"row_version\":1,\"created_by\":\"a\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}\n";
    // 300 good rows (one batch flushed), then a row with a number where a string belongs
    StringBuilder text = new StringBuilder(header + "\n");
    for (int i = 0; i < 300; i++) {
      text.append(row.formatted(i));
    }
    text.append(row.formatted("bad").replace("\"name\":\"n\"", "\"name\":7"));
    text.append("{\"end\":true,\"counts\":{\"workflow\":301,\"execution\":0}}\n");

    assertThatThrownBy(() -> restore(gzip(text.toString()), RestoreMode.REPLACE))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("workflow.name must be a string");
    assertThat(query("SELECT COUNT(*) FROM workflow")).isEqualTo("1");
    assertThat(query("SELECT id FROM workflow")).isEqualTo("w0000");
  }

  @Test
  void restore_newerSchema_isUnsupported() {
    String header =
        new BackupHeader(1, "99", Instant.now(), "x", BackupTables.ALL).toJson().toString();
    byte[] backup = gzip(header + "\n{\"end\":true,\"counts\":{}}\n");

    assertThatThrownBy(() -> restore(backup, RestoreMode.REPLACE))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("newer than this database's 3");
  }

  @Test
  void restore_unknownColumn_isInvalid() throws Exception {
    String header =
        new BackupHeader(1, "2", Instant.now(), "x", BackupTables.ALL).toJson().toString();
    byte[] backup =
        gzip(
            header
                + "\n{\"table\":\"workflow\",\"row\":{\"id\":\"w\",\"owner\":\"x\"}}\n"
                + "{\"end\":true,\"counts\":{\"workflow\":1,\"execution\":0}}\n");

    assertThatThrownBy(() -> restore(backup, RestoreMode.EMPTY))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("no column 'owner'");
  }

  @Test
  void schemaVersionCompare_ordersNumerically() {
    assertThat(SchemaVersion.compare("10", "2")).isPositive();
    assertThat(SchemaVersion.compare("2", "2.1")).isNegative();
    assertThat(SchemaVersion.compare("2.0", "2")).isZero();
  }

  private byte[] snapshot() throws SQLException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      DatabaseSnapshot.begin(connection);
      BackupHeader header =
          new BackupHeader(
              1, SchemaVersion.current(connection), Instant.now(), "t", BackupTables.ALL);
      try (BackupWriter writer = new BackupWriter(out, header)) {
        DatabaseSnapshot.write(connection, writer);
        writer.finish();
      }
      connection.rollback();
    }
    return out.toByteArray();
  }

  private RestoreResult restore(byte[] backup, RestoreMode mode) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        BackupReader reader = new BackupReader(new ByteArrayInputStream(backup))) {
      connection.setAutoCommit(false);
      DatabaseRestorer restorer = new DatabaseRestorer(connection, mode);
      try {
        RestoreResult result = restorer.restore(reader);
        connection.commit();
        return result;
      } catch (Exception e) {
        connection.rollback();
        throw e;
      } finally {
        restorer.close();
      }
    }
  }

  private static void insertWorkflows(int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      insertWorkflow("w%04d".formatted(i));
    }
  }

  private static void insertWorkflow(String id) throws SQLException {
    sql(
        "INSERT INTO workflow VALUES ('"
            + id
            + "','wf "
            + id
            + "','active',"
            + "'{\"steps\":[]}',1,'ada',CURRENT_TIMESTAMP,CURRENT_TIMESTAMP)");
  }

  private void insertExecution(String id, String status, String key) throws SQLException {
    sql(
        "INSERT INTO execution VALUES ('"
            + id
            + "','w0000',1,'{}','"
            + status
            + "','{}','{}',"
            + "1,NULL,'ada',"
            + (key == null ? "NULL" : "'" + key + "'")
            + ",CURRENT_TIMESTAMP,NULL,NULL,1,NULL)");
  }

  private static void sql(String sql) throws SQLException {
    try (Statement statement = keepAlive.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private String query(String sql) throws SQLException {
    try (Statement statement = keepAlive.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
