package dev.plinth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddedRedisTest {

  /** Sends PING and returns the first reply line, or "refused" when nothing listens. */
  private static String ping(int port) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
        line.append((char) c);
      }
      return line.toString();
    } catch (ConnectException refused) {
      return "refused";
    }
  }

  @Test
  void start_freePort_servesUntilStoppedAndAgainAfterRestart() throws IOException {
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(ping(redis.port())).isEqualTo("+PONG");

      redis.stop();
      assertThat(ping(redis.port())).isEqualTo("refused");

      redis.restart();
      assertThat(ping(redis.port())).isEqualTo("+PONG");
    }
  }

  @Test
  void start_withRequirepass_refusesUnauthenticatedCommands() throws IOException {
    try (EmbeddedRedis redis = EmbeddedRedis.start("requirepass test-secret")) {
      assertThat(ping(redis.port())).startsWith("-NOAUTH");
    }
  }

  @Test
  void shutdown_serverStartedOnReservedPort_stopsItWithoutTheHandle() throws IOException {
    int port = FreePorts.find();
    try (EmbeddedRedis redis = EmbeddedRedis.start(port)) {
      assertThat(ping(port)).isEqualTo("+PONG");

      EmbeddedRedis.shutdown(port);

      assertThat(ping(port)).isEqualTo("refused");
      EmbeddedRedis.shutdown(port); // nothing listens any more: no error
    }
  }
}
