package dev.plinth.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BeanArchiveTest {

  @Test
  void jar_isAnExplicitBeanArchiveWithAnnotatedDiscovery() throws IOException {
    URL beans = PlatformProducer.class.getResource("/META-INF/beans.xml");

    assertThat(beans).as("META-INF/beans.xml").isNotNull();
    assertThat(beans.toString()).doesNotContain("test-classes");
    try (InputStream in = beans.openStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("bean-discovery-mode=\"annotated\"");
    }
  }
}
