package dev.plinth.server.backup;

import dev.plinth.cache.Cache;
import dev.plinth.error.PayloadTooLargeException;
import dev.plinth.server.execution.ExecutionCache;
import dev.plinth.server.execution.OutboxRelay;
import dev.plinth.server.workflow.WorkflowCache;
import dev.plinth.storage.Blob;
import dev.plinth.storage.BlobStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Takes, stores, verifies and restores backups with plain JDBC on {@code jdbc/plinth} (portable
 * between H2 and PostgreSQL). A new backup is spooled to a temporary file inside the snapshot
 * transaction and then streamed to the BlobStore with its exact length, so the transaction is never
 * held open for the upload and memory stays bounded; a restore streams the blob into ONE
 * transaction, so a bad backup leaves the database unchanged. One restore runs at a time.
 */
@ApplicationScoped
public class BackupService {
  private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

  @Resource(lookup = "jdbc/plinth")
  DataSource dataSource;

  @PersistenceUnit(unitName = "plinth")
  EntityManagerFactory persistence;

  @Inject BlobStore storage;
  @Inject Cache cache;
  @Inject OutboxRelay relay;

  private final AtomicBoolean restoring = new AtomicBoolean();

  /**
   * Takes a consistent snapshot of the database and stores it.
   *
   * @param caller the admin's subject
   * @return the stored backup
   * @throws SQLException if the database fails
   * @throws IOException if the temporary file fails
   */
  public BackupInfo create(String caller) throws SQLException, IOException {
    Instant now = Instant.now();
    String id = BackupStore.newId(now);
    Path spool = Files.createTempFile("plinth-backup-", BackupStore.SUFFIX);
    try {
      BackupHeader header;
      Map<String, Long> counts;
      try (Connection connection = dataSource.getConnection()) {
        int isolation = connection.getTransactionIsolation();
        DatabaseSnapshot.begin(connection);
        try (OutputStream file = Files.newOutputStream(spool)) {
          header =
              new BackupHeader(
                  BackupHeader.FORMAT_VERSION,
                  SchemaVersion.current(connection),
                  now,
                  id,
                  BackupTables.ALL);
          try (BackupWriter writer = new BackupWriter(file, header)) {
            DatabaseSnapshot.write(connection, writer);
            counts = writer.finish();
          }
        } finally {
          connection.rollback(); // read-only: nothing to keep, and the snapshot ends here
          // The connection goes back to the pool: leave it as it came.
          connection.setAutoCommit(true);
          connection.setReadOnly(false);
          connection.setTransactionIsolation(isolation);
        }
      }
      BackupInfo stored =
          store().put(id, spool, BackupInfo.metadata(header, counts, caller, "snapshot"));
      LOG.info(() -> "Backup " + id + " taken by " + caller + ": " + counts);
      return stored;
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  /**
   * Stores an uploaded backup file after reading it through once: only a complete, well-formed
   * backup of a known format is kept.
   *
   * @param body the uploaded file
   * @param maxBytes the largest accepted file
   * @param caller the admin's subject
   * @return the stored backup
   * @throws InvalidBackupException if the file is not a valid backup
   * @throws PayloadTooLargeException if it is larger than {@code maxBytes}
   * @throws IOException if the request or the temporary file fails
   */
  public BackupInfo upload(InputStream body, long maxBytes, String caller) throws IOException {
    Path spool = Files.createTempFile("plinth-upload-", BackupStore.SUFFIX);
    try {
      try (OutputStream file = Files.newOutputStream(spool)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
          total += n;
          if (total > maxBytes) {
            throw new PayloadTooLargeException(
                "The backup is larger than "
                    + maxBytes
                    + " bytes (plinth.server.backup.max-upload-bytes).");
          }
          file.write(buffer, 0, n);
        }
      }
      BackupHeader header;
      Map<String, Long> counts;
      try (BackupReader reader = new BackupReader(Files.newInputStream(spool))) {
        while (reader.next() != null) {
          // read to the trailer: every line and the counts are checked
        }
        header = reader.header();
        counts = reader.counts();
      }
      String id = BackupStore.newId(Instant.now());
      return store().put(id, spool, BackupInfo.metadata(header, counts, caller, "upload"));
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  /**
   * Finds a backup.
   *
   * @param id the id
   * @return the backup, or empty
   */
  public Optional<BackupInfo> find(String id) {
    return store().find(id);
  }

  /**
   * Lists the backups, newest first.
   *
   * @return the backups
   */
  public List<BackupInfo> list() {
    return store().list();
  }

  /**
   * Opens a backup's file.
   *
   * @param id the id
   * @return the blob; the caller closes it
   */
  public Blob open(String id) {
    return store().open(id);
  }

  /**
   * Deletes a backup.
   *
   * @param id the id
   * @return false if there was none
   */
  public boolean delete(String id) {
    return store().delete(id);
  }

  /**
   * Restores a backup in one transaction, then drops every cached workflow and execution (SDK cache
   * and JPA's shared cache) and nudges the outbox relay for the requeued executions.
   *
   * @param id the backup id
   * @param mode what to do with existing rows
   * @return what was done, or empty when another restore is running
   * @throws InvalidBackupException if the backup is corrupt, truncated, unsupported or does not fit
   *     the database (nothing was changed)
   * @throws SQLException if the database fails (nothing was changed)
   */
  public Optional<RestoreResult> restore(String id, RestoreMode mode) throws SQLException {
    if (!restoring.compareAndSet(false, true)) {
      return Optional.empty();
    }
    try (Blob blob = store().open(id);
        BackupReader backup = new BackupReader(blob.content())) {
      RestoreResult result = restoreInTransaction(backup, mode);
      if (!result.notEmpty()) {
        invalidateCaches();
        relay.nudge();
        LOG.info(() -> "Backup " + id + " restored (" + mode.id() + "): " + result);
      }
      return Optional.of(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      restoring.set(false);
    }
  }

  private RestoreResult restoreInTransaction(BackupReader backup, RestoreMode mode)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      DatabaseRestorer restorer = new DatabaseRestorer(connection, mode);
      try {
        RestoreResult result = restorer.restore(backup);
        if (result.notEmpty()) {
          connection.rollback();
        } else {
          connection.commit();
        }
        return result;
      } catch (SQLException e) {
        connection.rollback();
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          // integrity constraint: a duplicate id or a missing required column in the backup
          throw InvalidBackupException.invalid(
              "The backup does not fit the database (" + e.getMessage() + ").", e);
        }
        throw e;
      } catch (RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        restorer.close();
        connection.setAutoCommit(true);
      }
    }
  }

  private void invalidateCaches() {
    try {
      persistence.getCache().evictAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not clear the JPA shared cache after a restore", e);
    }
    // Entries expire within their TTL anyway; dropping them makes the restore visible at once.
    for (String prefix : List.of(WorkflowCache.PREFIX, ExecutionCache.PREFIX)) {
      try {
        cache.deleteByPrefix(prefix);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Could not drop the cached ''{0}*'' entries after a restore ({1}); they expire within"
                + " minutes.",
            new Object[] {prefix, e.getClass().getName()});
      }
    }
  }

  private BackupStore store() {
    return new BackupStore(storage);
  }
}
