package dev.plinth.server.arquillian;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.GenericArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every in-container test: the application as built ({@code
 * target/plinth-server.war}, its classes from {@code target/classes}), so its CDI beans,
 * persistence unit, migrations and embedded defaults are the real ones, plus the test classes and
 * the assertion libraries they use.
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
    WebArchive built =
        ShrinkWrap.create(ZipImporter.class, NAME).importFrom(war).as(WebArchive.class);
    // The classes come from target/classes, as for the black-box ITs' loose application: the war
    // plugin keeps classes whose sources moved or were deleted since an earlier build.
    GenericArchive compiled =
        ShrinkWrap.create(GenericArchive.class)
            .as(ExplodedImporter.class)
            .importDirectory(new File("target/classes"))
            .as(GenericArchive.class);
    return ShrinkWrap.create(WebArchive.class, NAME)
        .merge(built, Filters.exclude("/WEB-INF/classes/.*"))
        .merge(compiled, "/WEB-INF/classes")
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
