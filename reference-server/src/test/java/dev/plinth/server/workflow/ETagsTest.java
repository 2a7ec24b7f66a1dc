package dev.plinth.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.error.PreconditionFailedException;
import dev.plinth.server.problem.RequestValidationException;
import org.junit.jupiter.api.Test;

class ETagsTest {

  @Test
  void expectedVersion_acceptsStrongWeakAndBareTags() {
    assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
    assertThat(ETags.expectedVersion("W/\"4\"")).isEqualTo(4L);
    assertThat(ETags.expectedVersion(" 5 ")).isEqualTo(5L);
  }

  @Test
  void expectedVersion_star_matchesAnyVersion() {
    assertThat(ETags.expectedVersion("*")).isNull();
  }

  @Test
  void expectedVersion_foreignTag_failsThePrecondition() {
    assertThatThrownBy(() -> ETags.expectedVersion("\"abc\""))
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void pageRequest_defaultsAndBounds() {
    assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 20));
    assertThat(PageRequest.parse("2", "100")).isEqualTo(new PageRequest(2, 100));
    assertThatThrownBy(() -> PageRequest.parse("-1", null))
        .isInstanceOf(RequestValidationException.class);
    assertThatThrownBy(() -> PageRequest.parse(null, "abc"))
        .extracting(e -> ((RequestValidationException) e).field())
        .isEqualTo("size");
  }
}
