package dev.plinth.server.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway when the application starts, against the server's {@code
 * jdbc/plinth} data source, before any request is served. Migrations live in {@code db/migration}
 * ({@code V<n>__<what>.sql}); a failed migration fails the deployment.
 */
@ApplicationScoped
public class DatabaseMigrations {
  private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

  @Resource(lookup = "jdbc/plinth")
  DataSource dataSource;

  /**
   * Runs the pending migrations.
   *
   * @param event the application-scope initialisation event
   */
  void migrate(@Observes @Initialized(ApplicationScoped.class) Object event) {
    MigrateResult result =
        Flyway.configure(DatabaseMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .resourceProvider(new MigrationScripts(DatabaseMigrations.class.getClassLoader()))
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }
}
