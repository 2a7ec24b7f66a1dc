package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.server.problem.RequestValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"report.pdf", "a b.txt", "Ünïcödé 報告.csv", ".hidden", "x..y", "100%.txt"})
  void fileName_plainNames_areAccepted(String name) {
    assertThat(FileNames.fileName("name", name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "a/b",
        "..",
        ".",
        "a\\b",
        "..\\..\\windows",
        "/etc/passwd",
        "a\nb",
        "a\u0000b",
        "tab\there",
        "a\u007fb",
        " lead",
        "trail ",
        ""
      })
  void fileName_pathsAndControlCharacters_areRefusedNamingTheField(String name) {
    assertThatThrownBy(() -> FileNames.fileName("X-File-Name", name))
        .isInstanceOfSatisfying(
            RequestValidationException.class, e -> assertThat(e.field()).isEqualTo("X-File-Name"));
  }

  @ParameterizedTest
  @ValueSource(ints = {255, 256})
  void fileName_longNames_areLimitedTo255(int length) {
    String name = "n".repeat(length);
    if (length <= FileNames.MAX_NAME_LENGTH) {
      assertThat(FileNames.fileName("name", name)).isEqualTo(name);
    } else {
      assertThatThrownBy(() -> FileNames.fileName("name", name))
          .isInstanceOf(RequestValidationException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"p1", "project_A-2", "0123456789012345678901234567890123456789"})
  void projectId_safeIds_areAccepted(String id) {
    assertThat(FileNames.projectId(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "a/b", "a.b", "a b", "ü"})
  void projectId_unsafeIds_areRefusedNamingTheField(String id) {
    assertThatThrownBy(() -> FileNames.projectId(id))
        .isInstanceOfSatisfying(
            RequestValidationException.class, e -> assertThat(e.field()).isEqualTo("projectId"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "x/y", "a%2Fb"})
  void fileId_unsafeIds_areRefusedNamingTheField(String id) {
    assertThatThrownBy(() -> FileNames.fileId(id))
        .isInstanceOfSatisfying(
            RequestValidationException.class, e -> assertThat(e.field()).isEqualTo("fileId"));
  }
}
