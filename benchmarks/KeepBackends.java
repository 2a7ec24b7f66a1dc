/**
 * Keeps the embedded PostgreSQL and Redis of the reference server's ITs ({@code ItBackends}) alive
 * for a load run: {@code ItBackends start} returns once both accept connections, and their shutdown
 * hooks stop them when the starting JVM exits, so this JVM starts them and then waits until
 * benchmarks/load.sh kills it. Run with the source launcher: {@code java -cp <test class path>
 * benchmarks/KeepBackends.java <pgPort> <redisPort> <workDir>}.
 */
public class KeepBackends {
  public static void main(String[] args) throws Exception {
    dev.plinth.server.itbackends.ItBackends.main(
        new String[] {"start", args[0], args[1], args[2]});
    System.out.println("backends ready");
    Thread.sleep(Long.MAX_VALUE);
  }
}
