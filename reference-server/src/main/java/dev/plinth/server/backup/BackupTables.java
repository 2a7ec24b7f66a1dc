package dev.plinth.server.backup;

import java.util.List;

/**
 * What a backup holds: the tables of the schema ({@code db/migration}) that carry state, in restore
 * order. {@code workflow} holds each workflow's current version ({@code row_version}); {@code
 * execution} holds params, step results, attempts, status, error, timestamps and the idempotency
 * keys ({@code created_by}, {@code idempotency_key}). The {@code outbox} is not backed up: its sent
 * rows are history and its unsent rows are recreated on restore for every unfinished execution.
 * Files are not in the database (the BlobStore is their record) and are not part of a backup.
 */
final class BackupTables {
  /** The workflow table. */
  static final String WORKFLOW = "workflow";

  /** The execution table. */
  static final String EXECUTION = "execution";

  /** The outbox table (emptied by a replace, written for unfinished executions). */
  static final String OUTBOX = "outbox";

  /** Every backed-up table, parents first. */
  static final List<String> ALL = List.of(WORKFLOW, EXECUTION);

  /** The primary key column of every backed-up table (keyset paging and merge checks). */
  static final String KEY = "id";

  private BackupTables() {}

  /**
   * Returns the column sets besides the primary key that must be unique (merge skips a row that
   * collides on any of them).
   *
   * @param table the table
   * @return the unique column groups
   */
  static List<List<String>> uniqueKeys(String table) {
    return EXECUTION.equals(table) ? List.of(List.of("created_by", "idempotency_key")) : List.of();
  }
}
