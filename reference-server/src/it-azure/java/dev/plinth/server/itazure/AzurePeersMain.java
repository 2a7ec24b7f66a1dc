package dev.plinth.server.itazure;

import dev.plinth.testing.Azurite;
import dev.plinth.testing.EmbeddedRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The forked JVM of {@link AzurePeers}: runs the azure IT server's peers until it is terminated or
 * the Maven JVM that started it exits.
 *
 * <ul>
 *   <li>Azurite's blob service (azure-blob storage), data under {@code <workDir>/azurite};
 *   <li>mock-oauth2-server, the Entra ID issuer (its issuer id {@code <tid>/v2.0} gives Entra's v2
 *       layout under the authority {@code http://127.0.0.1:<oidcPort>});
 *   <li>{@link PeerControlServer}: the Application Insights ingestion capture, and the tokens the
 *       ITs ask for;
 *   <li>redis-server with the access key {@value #REDIS_ACCESS_KEY} (azure-redis without TLS).
 * </ul>
 */
public final class AzurePeersMain {
  /** The Redis password: the value of {@code plinth.cache.azure-redis.access-key} in the POM. */
  static final String REDIS_ACCESS_KEY = "plinth-it-redis-key";

  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  private AzurePeersMain() {}

  /**
   * Entry point.
   *
   * @param args {@code <parentPid> <workDir> <azuriteHome> <azuritePort> <oidcPort> <ingestionPort>
   *     <redisPort>}
   * @throws Exception when a peer cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      throw new IllegalArgumentException(
          "usage: <parentPid> <workDir> <azuriteHome> <azuritePort> <oidcPort> <ingestionPort>"
              + " <redisPort>");
    }
    long parent = Long.parseLong(args[0]);
    Path workDir = Path.of(args[1]);
    AzurePeersMain peers = new AzurePeersMain();
    Runtime.getRuntime().addShutdownHook(new Thread(peers::closeAll, "azure-peers-stop"));
    peers.startAll(
        workDir,
        Path.of(args[2]),
        Integer.parseInt(args[3]),
        Integer.parseInt(args[4]),
        Integer.parseInt(args[5]),
        Integer.parseInt(args[6]));
    // The Maven JVM gone (a killed build) means nobody will call stop: leave with it.
    ProcessHandle.of(parent)
        .ifPresentOrElse(
            maven -> maven.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
    Files.writeString(
        pidFile(workDir), Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
    Path ready = readyFile(workDir);
    Path tmp = Files.writeString(workDir.resolve("ready.tmp"), "ready", StandardCharsets.UTF_8);
    Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    new CountDownLatch(1).await(); // until SIGTERM runs the shutdown hook
  }

  static Path pidFile(Path workDir) {
    return workDir.resolve("peers.pid");
  }

  static Path readyFile(Path workDir) {
    return workDir.resolve("ready");
  }

  private void startAll(
      Path workDir, Path azuriteHome, int azurite, int oidc, int ingestion, int redis)
      throws IOException {
    running.push(Azurite.start(azuriteHome, azurite, workDir.resolve("azurite")));

    MockOAuth2Server issuer = new MockOAuth2Server();
    issuer.start(InetAddress.getByName("127.0.0.1"), oidc);
    running.push(issuer::shutdown);

    running.push(PeerControlServer.start(ingestion, issuer, "http://127.0.0.1:" + oidc));

    running.push(EmbeddedRedis.start(redis, "requirepass " + REDIS_ACCESS_KEY));
  }

  private void closeAll() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        // keep stopping the others; peers.log shows what failed
        System.err.println("could not stop a peer: " + e);
      }
    }
  }
}
