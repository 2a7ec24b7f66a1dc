package dev.plinth.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay's claim statement on H2 (the embedded default) with the real migration: two relays (two
 * server instances) claim disjoint rows instead of waiting for or re-sending each other's.
 */
class OutboxClaimTest {
  private final String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final List<Connection> connections = new ArrayList<>();

  @BeforeEach
  void schema() throws SQLException {
    try (Statement s = connect(true).createStatement()) {
      s.execute("RUNSCRIPT FROM 'classpath:db/migration/V1__workflows.sql'");
      s.execute("RUNSCRIPT FROM 'classpath:db/migration/V2__executions.sql'");
      s.execute("RUNSCRIPT FROM 'classpath:db/migration/V3__delays.sql'");
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < 5; i++) {
        s.execute(
            "INSERT INTO outbox (id, queue_name, message_id, body, created_at) VALUES ('r"
                + i
                + "', 'executions', 'm"
                + i
                + "', '{}', TIMESTAMP '"
                + Timestamp.from(t0.plusSeconds(i))
                + "')");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    for (Connection c : connections) {
      c.close();
    }
  }

  @Test
  void claim_secondRelaySkipsTheRowsTheFirstHolds() throws SQLException {
    Connection first = connect(false);
    Connection second = connect(false);

    assertThat(claim(first, 3)).containsExactly("r0", "r1", "r2");
    assertThat(claim(second, 3)).containsExactly("r3", "r4");
  }

  @Test
  void claim_rowsOfARolledBackRelayAreClaimedAgain_sentRowsAreNot() throws SQLException {
    Connection sent = connect(false);
    Connection failed = connect(false);
    assertThat(claim(sent, 3)).hasSize(3);
    assertThat(claim(failed, 3)).containsExactly("r3", "r4");
    try (Statement s = sent.createStatement()) {
      s.executeUpdate(
          "UPDATE outbox SET sent_at = CURRENT_TIMESTAMP WHERE id IN ('r0', 'r1', 'r2')");
    }
    sent.commit();
    failed.rollback(); // a failed send: the rows stay unsent

    assertThat(claim(connect(false), 100)).containsExactly("r3", "r4");
  }

  private Connection connect(boolean autoCommit) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(autoCommit);
    connections.add(c);
    return c;
  }

  private static List<String> claim(Connection c, int max) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(OutboxRepository.claimSql(max));
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        ids.add(r.getString("id"));
      }
    }
    return ids;
  }
}
