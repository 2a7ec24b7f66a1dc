package dev.plinth.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/** Requests and payloads for the files ITs (binary bodies, multipart, digests). */
final class Files {
  static final String BOUNDARY = "plinthItBoundary7MA4YWxkTrZu0gW";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Files() {}

  /** A fresh project id, so tests never see each other's files. */
  static String newProject() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String path(String projectId) {
    return "/api/v1/projects/" + projectId + "/files";
  }

  /** Deterministic pseudo-random bytes. */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** POSTs a raw body with a Content-Length. */
  static HttpResponse<String> uploadRaw(
      String projectId, String token, String name, String type, byte[] content) {
    return ServerClient.send(
        ServerClient.request(path(projectId), token)
            .header("Content-Type", type)
            .header("X-File-Name", name)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  /** POSTs a raw body of unknown length (chunked transfer encoding). */
  static HttpResponse<String> uploadChunked(
      String projectId, String token, String name, byte[] content) {
    return ServerClient.send(
        ServerClient.request(path(projectId) + "?name=" + name, token)
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))));
  }

  /** POSTs a multipart body: a text field, then the file part. */
  static HttpResponse<String> uploadMultipart(
      String projectId, String token, String fileName, String type, byte[] content) {
    return ServerClient.send(
        ServerClient.request(path(projectId), token)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, type, content))));
  }

  static byte[] multipart(String fileName, String type, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nquarterly\r\n"
                + "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** Uploads and returns the new file's id. */
  static String upload(String projectId, String token, String name, byte[] content) {
    HttpResponse<String> response =
        uploadRaw(projectId, token, name, "application/octet-stream", content);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return ServerClient.json(response).getString("id");
  }

  /** Sends a request and keeps the body as bytes. */
  static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
