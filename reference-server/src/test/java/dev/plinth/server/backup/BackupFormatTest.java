package dev.plinth.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BackupFormatTest {
  private static final BackupHeader HEADER =
      new BackupHeader(
          1, "2", Instant.parse("2026-11-24T00:00:00Z"), "b-1", List.of("workflow", "execution"));

  @Test
  void writeThenRead_roundTripsHeaderRowsAndCounts() throws IOException {
    JsonObject workflow =
        Json.createObjectBuilder().add("id", "w1").add("name", "é ✓ \"q\"\n").addNull("x").build();
    JsonObject execution = Json.createObjectBuilder().add("id", "e1").add("attempts", 3).build();
    byte[] file =
        write(
            w -> {
              w.row("workflow", workflow);
              w.row("execution", execution);
              w.row("execution", execution);
            });

    try (BackupReader reader = new BackupReader(new ByteArrayInputStream(file))) {
      assertThat(reader.header()).isEqualTo(HEADER);
      List<BackupRecord> records = new ArrayList<>();
      for (BackupRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
      assertThat(records)
          .containsExactly(
              new BackupRecord("workflow", workflow),
              new BackupRecord("execution", execution),
              new BackupRecord("execution", execution));
      assertThat(reader.counts()).isEqualTo(Map.of("workflow", 1L, "execution", 2L));
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void finish_returnsCountsOfEveryHeaderTable() throws IOException {
    try (BackupWriter writer = new BackupWriter(new ByteArrayOutputStream(), HEADER)) {
      writer.row("workflow", Json.createObjectBuilder().add("id", "w").build());
      assertThat(writer.finish())
          .containsExactly(Map.entry("workflow", 1L), Map.entry("execution", 0L));
    }
  }

  @Test
  void row_tableNotInHeader_isRefused() throws IOException {
    try (BackupWriter writer = new BackupWriter(new ByteArrayOutputStream(), HEADER)) {
      assertThatThrownBy(() -> writer.row("outbox", Json.createObjectBuilder().build()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void read_truncatedGzip_isInvalid() throws IOException {
    byte[] file = write(w -> w.row("workflow", Json.createObjectBuilder().add("id", "w").build()));

    assertThatThrownBy(() -> readAll(Arrays.copyOf(file, file.length - 12)))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void read_withoutTrailer_isInvalid() {
    byte[] file = gzip(HEADER.toJson() + "\n{\"table\":\"workflow\",\"row\":{\"id\":\"w\"}}\n");

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("without its trailer");
  }

  @Test
  void read_countsDoNotMatch_isInvalid() {
    byte[] file =
        gzip(
            HEADER.toJson()
                + "\n{\"table\":\"workflow\",\"row\":{\"id\":\"w\"}}\n"
                + "{\"end\":true,\"counts\":{\"workflow\":2,\"execution\":0}}\n");

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("declares 2 rows of table 'workflow' but holds 1");
  }

  @Test
  void read_corruptBytes_isInvalid() throws IOException {
    byte[] file = write(w -> w.row("workflow", Json.createObjectBuilder().add("id", "w").build()));
    file[file.length / 2] ^= 0x5A;

    assertThatThrownBy(() -> readAll(file)).isInstanceOf(InvalidBackupException.class);
  }

  @Test
  void read_notGzip_isInvalid() {
    byte[] file = "{\"format\":\"plinth-backup\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("Not a gzip file");
  }

  @Test
  void read_unknownFormatVersion_isUnsupported() {
    byte[] file =
        gzip(
            "{\"format\":\"plinth-backup\",\"formatVersion\":99,\"schemaVersion\":\"2\","
                + "\"createdAt\":\"2026-11-24T00:00:00Z\",\"id\":\"x\",\"tables\":[]}\n");

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .extracting(e -> ((InvalidBackupException) e).code())
        .isEqualTo(InvalidBackupException.UNSUPPORTED);
  }

  @Test
  void read_foreignFile_isInvalid() {
    assertThatThrownBy(() -> readAll(gzip("{\"hello\":\"world\"}\n")))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("Not a Plinth backup");
    assertThatThrownBy(() -> readAll(gzip("not json\n")))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> readAll(gzip("")))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void read_rowOfUnknownTable_isInvalid() {
    byte[] file = gzip(HEADER.toJson() + "\n{\"table\":\"secrets\",\"row\":{\"id\":\"w\"}}\n");

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("'secrets', not in the header");
  }

  @Test
  void read_dataAfterTrailer_isInvalid() {
    byte[] file =
        gzip(
            HEADER.toJson()
                + "\n{\"end\":true,\"counts\":{\"workflow\":0,\"execution\":0}}\n"
                + "{\"table\":\"workflow\",\"row\":{\"id\":\"w\"}}\n");

    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("follows the trailer");
  }

  @Test
  void read_lineLongerThanLimit_isInvalid() throws IOException {
    byte[] file =
        write(
            w -> w.row("workflow", Json.createObjectBuilder().add("id", "x".repeat(500)).build()));

    assertThatThrownBy(
            () -> {
              try (BackupReader reader = new BackupReader(new ByteArrayInputStream(file), 400)) {
                reader.next();
              }
            })
        .isInstanceOf(InvalidBackupException.class)
        .hasMessageContaining("longer than 400");
  }

  private interface Rows {
    void write(BackupWriter writer) throws IOException;
  }

  private static byte[] write(Rows rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupWriter writer = new BackupWriter(out, HEADER)) {
      rows.write(writer);
      writer.finish();
    }
    return out.toByteArray();
  }

  private static void readAll(byte[] file) throws IOException {
    try (BackupReader reader = new BackupReader(new ByteArrayInputStream(file))) {
      while (reader.next() != null) {
        // read everything
      }
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
