package dev.plinth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no Node.js; providers-azure's tests run the real emulator. */
class AzuriteTest {
  @TempDir Path location;

  @Test
  void start_notInstalled_failsSayingHowToFix() {
    Path home = location.resolve("no-azurite-here");

    assertThatThrownBy(() -> Azurite.start(home, FreePorts.find(), location))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Azurite")
        .hasMessageContaining("cannot start: it is not installed at " + home.toAbsolutePath())
        .hasMessageContaining("./mvnw -pl providers-azure -am verify")
        .hasMessageContaining("Install Node.js 18+ with npm");
  }

  @Test
  void connectionString_developmentAccountOnThePort() {
    assertThat(Azurite.connectionString(10000))
        .isEqualTo(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                + Azurite.ACCOUNT_KEY
                + ";BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");
  }
}
