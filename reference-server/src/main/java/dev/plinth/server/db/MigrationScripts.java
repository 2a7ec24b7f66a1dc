package dev.plinth.server.db;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Gives Flyway the migration scripts by name. Flyway's class-path scanning finds nothing inside a
 * Liberty application (its class loader does not list resource directories), so the scripts are
 * listed here; {@code MigrationScriptsTest} fails the build if a file in {@code db/migration} is
 * missing from the list.
 */
final class MigrationScripts implements ResourceProvider {
  /** The folder of the scripts on the class path. */
  static final String FOLDER = "db/migration/";

  /** Every migration script, in version order. */
  static final List<String> SCRIPTS =
      List.of("V1__workflows.sql", "V2__executions.sql", "V3__delays.sql");

  private final ClassLoader loader;

  MigrationScripts(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public LoadableResource getResource(String name) {
    String file = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : name;
    return SCRIPTS.contains(file) ? new Script(file) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    List<LoadableResource> found = new ArrayList<>();
    for (String script : SCRIPTS) {
      if (script.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(script::endsWith)) {
        found.add(new Script(script));
      }
    }
    return found;
  }

  /** One script, read from the class path. */
  private final class Script extends LoadableResource {
    private final String file;

    Script(String file) {
      this.file = file;
    }

    @Override
    public Reader read() {
      InputStream in = loader.getResourceAsStream(FOLDER + file);
      if (in == null) {
        throw new UncheckedIOException(
            new java.io.FileNotFoundException("Migration " + FOLDER + file + " is not packaged"));
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return FOLDER + file;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return FOLDER + file;
    }

    @Override
    public String getFilename() {
      return file;
    }

    @Override
    public String getRelativePath() {
      return file;
    }
  }
}
