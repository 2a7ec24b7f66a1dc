package dev.plinth.server.backup;

import jakarta.json.JsonObject;

/**
 * One row of a backup.
 *
 * @param table the table it belongs to
 * @param row its columns by lower-case name
 */
public record BackupRecord(String table, JsonObject row) {}
