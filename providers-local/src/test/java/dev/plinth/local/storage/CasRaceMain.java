package dev.plinth.local.storage;

import dev.plinth.error.PreconditionFailedException;
import dev.plinth.storage.PutOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child process for {@link FileSystemBlobStoreCrossProcessTest}: opens the store at {@code
 * args[0]}, prints {@code ready}, then for each {@code <etag>} line on stdin tries one {@code
 * ifMatch} write of {@code args[2]-<round>} to key {@code args[1]} and prints {@code won} or {@code
 * lost}.
 */
public final class CasRaceMain {
  private CasRaceMain() {}

  /**
   * Runs the child.
   *
   * @param args root, key, writer name
   * @throws Exception on failure (exit code 1)
   */
  public static void main(String[] args) throws Exception {
    FileSystemBlobStoreDriver driver = new FileSystemBlobStoreDriver(Path.of(args[0]), null, "/b");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    out.println("ready");
    int round = 0;
    for (String etag; (etag = in.readLine()) != null && !etag.isEmpty(); round++) {
      byte[] content = (args[2] + "-" + round).getBytes(StandardCharsets.UTF_8);
      try {
        driver.put(
            args[1],
            new ByteArrayInputStream(content),
            content.length,
            PutOptions.none().ifMatch(etag));
        out.println("won");
      } catch (PreconditionFailedException e) {
        out.println("lost");
      }
    }
  }
}
