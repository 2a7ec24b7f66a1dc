package dev.plinth.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.storage.BlobStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * sdk-api promises "the JDK and nothing else": users put it on any classpath, and providers compile
 * against it without dragging a framework in. The compiled classes are analysed with the JDK's own
 * {@code jdeps}, so a dependency that sneaks in through a fully qualified name, a transitive import
 * or a newly added Maven dependency fails here.
 */
class ApiDependenciesTest {

  @Test
  void compiledApi_referencesOnlyJavaBaseAndItself() throws Exception {
    String report = jdeps("-verbose:package", classesDirectory().toString());

    List<String> foreign =
        report
            .lines()
            .map(String::strip)
            .filter(line -> line.contains("->"))
            .map(line -> line.substring(line.indexOf("->") + 2).strip())
            .filter(target -> !target.startsWith("java.") && !target.startsWith("dev.plinth"))
            .distinct()
            .collect(Collectors.toList());

    assertThat(report).as("jdeps report").contains("-> java.lang");
    assertThat(foreign).as("packages outside the JDK and dev.plinth").isEmpty();
  }

  @Test
  void compiledApi_needsNoJdkModuleButJavaBase() throws Exception {
    List<String> modules =
        jdeps("--list-deps", classesDirectory().toString())
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .collect(Collectors.toList());

    assertThat(modules).containsExactly("java.base");
  }

  private static Path classesDirectory() throws URISyntaxException {
    return Path.of(BlobStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static String jdeps(String... args) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps is missing: run the build on a full JDK"));
    StringWriter out = new StringWriter();
    int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), args);
    assertThat(exit).as("jdeps %s failed:%n%s", Arrays.toString(args), out).isZero();
    return out.toString();
  }
}
