package dev.plinth.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void parameters_readsQuotedAndTokenValues() {
    assertThat(
            ContentDisposition.parameters("form-data; name=\"file\"; filename=\"a \\\"b\\\".txt\""))
        .containsEntry("name", "file")
        .containsEntry("filename", "a \"b\".txt");
    assertThat(ContentDisposition.parameters("form-data; name=file")).containsEntry("name", "file");
  }

  @Test
  void parameters_backslashOutsideAnEscapedQuote_staysLiteral() {
    assertThat(
            ContentDisposition.parameters("form-data; name=\"file\"; filename=\"C:\\dir\\a.txt\""))
        .containsEntry("filename", "C:\\dir\\a.txt");
  }

  @Test
  void parameters_extendedFileNameWins() {
    assertThat(
            ContentDisposition.parameters(
                "form-data; name=\"file\"; filename=\"x.txt\"; filename*=UTF-8''%E5%A0%B1.txt"))
        .containsEntry("filename", "報.txt");
  }

  @Test
  void attachment_hasAsciiFallbackAndExactUtf8Name() {
    assertThat(ContentDisposition.attachment("報 \"q\".txt"))
        .isEqualTo("attachment; filename=\"_ _q_.txt\"; filename*=UTF-8''%E5%A0%B1%20%22q%22.txt");
  }
}
