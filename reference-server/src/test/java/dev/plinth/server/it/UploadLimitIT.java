package dev.plinth.server.it;

import static dev.plinth.server.it.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upload limit (1 MiB on the IT server, set by the build via plinth.server.max-upload-bytes): a
 * declared length above it is refused before the body is read, a chunked body is cut off.
 */
class UploadLimitIT {
  private static final int LIMIT = 1024 * 1024;
  private static String user;

  @BeforeAll
  static void token() {
    user = Tokens.accessToken("user");
  }

  @Test
  void upload_contentLengthAboveTheLimit_answers413WithoutReadingTheBody() throws IOException {
    String project = Files.newProject();
    int port = Integer.parseInt(System.getProperty("http.port", "9080"));
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000); // if the server waited for the body, this read would time out
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + Files.path(project)
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nAuthorization: Bearer "
                  + user
                  + "\r\nContent-Type: application/octet-stream\r\nX-File-Name: big.bin"
                  + "\r\nContent-Length: 104857600\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush(); // no body byte is ever sent

      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413");
    }
    assertNothingStored(project);
  }

  @Test
  void upload_chunkedBodyAboveTheLimit_answers413AndStoresNothing() {
    String project = Files.newProject();

    HttpResponse<String> response =
        Files.uploadChunked(project, user, "big.bin", Files.bytes(LIMIT + 64 * 1024, 5));

    assertProblem(response, 413, "too-large");
    assertNothingStored(project);
  }

  @Test
  void upload_multipartAboveTheLimit_answers413AndStoresNothing() {
    String project = Files.newProject();

    HttpResponse<String> response =
        Files.uploadMultipart(
            project, user, "big.bin", "application/octet-stream", new byte[LIMIT]);

    assertProblem(response, 413, "too-large");
    assertNothingStored(project);
  }

  @Test
  void upload_bodyAtTheLimit_isStored() {
    String project = Files.newProject();

    HttpResponse<String> response = Files.uploadChunked(project, user, "max.bin", new byte[LIMIT]);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static void assertNothingStored(String project) {
    HttpResponse<String> list = ServerClient.get(Files.path(project), user);
    assertThat(ServerClient.json(list).getJsonArray("items")).isEmpty();
  }
}
