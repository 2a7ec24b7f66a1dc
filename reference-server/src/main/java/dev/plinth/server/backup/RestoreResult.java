package dev.plinth.server.backup;

import java.util.Map;

/**
 * What a restore did.
 *
 * @param notEmpty true when nothing was done because the database holds data and the mode is {@link
 *     RestoreMode#EMPTY}
 * @param restored rows inserted per table
 * @param skipped rows kept from the database per table ({@link RestoreMode#MERGE})
 * @param requeued unfinished executions put back in the queue through the outbox
 */
public record RestoreResult(
    boolean notEmpty, Map<String, Long> restored, Map<String, Long> skipped, long requeued) {
  /**
   * Copies the maps.
   *
   * @param notEmpty whether the database was not empty
   * @param restored rows inserted
   * @param skipped rows skipped
   * @param requeued executions requeued
   */
  public RestoreResult {
    restored = Map.copyOf(restored);
    skipped = Map.copyOf(skipped);
  }

  static RestoreResult databaseNotEmpty() {
    return new RestoreResult(true, Map.of(), Map.of(), 0);
  }
}
