package dev.plinth.server.arquillian;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every in-container test: the application exactly as built ({@code
 * target/plinth-server.war}, so its CDI beans, persistence unit, migrations and embedded defaults
 * are the real ones) plus the test classes and the assertion libraries they use.
 */
final class Deployments {
  /** The archive name; Liberty serves a dropins archive under its base name as context root. */
  static final String NAME = "plinth-arquillian.war";

  private Deployments() {}

  /**
   * Builds the deployment.
   *
   * @param classes the test classes and fixtures to add
   * @return the web archive
   */
  static WebArchive application(Class<?>... classes) {
    File war = new File("target/plinth-server.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          war.getAbsolutePath() + " is missing: run the in-container tests with `verify`.");
    }
    return ShrinkWrap.create(ZipImporter.class, NAME)
        .importFrom(war)
        .as(WebArchive.class)
        .addClasses(classes)
        .addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(Matcher.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
    }
  }
}
