package dev.plinth.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.cache.Codec;
import dev.plinth.core.Platform;
import dev.plinth.server.ratelimit.FailingCache;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkflowCacheTest {
  private static final String ID = "8a4f1c52-0f6e-4c1e-9d0b-3b7a6f1d2e11";

  private final Platform platform = Platform.inMemory();
  private final AtomicInteger loads = new AtomicInteger();
  private WorkflowEntity stored = workflow("first");

  @AfterEach
  void close() {
    platform.close();
  }

  private final Function<String, Optional<WorkflowEntity>> database =
      id -> {
        loads.incrementAndGet();
        return Optional.ofNullable(stored);
      };

  @Test
  void get_secondRead_isServedFromTheCache() {
    WorkflowCache cache = new WorkflowCache(platform.cache(), new TestCodec());

    CachedWorkflow first = cache.get(ID, database).orElseThrow();
    CachedWorkflow second = cache.get(ID, database).orElseThrow();

    assertThat(loads).hasValue(1);
    assertThat(second.getVersion()).isEqualTo(first.getVersion());
    assertThat(second.getJson()).isEqualTo(first.getJson()).contains("\"name\":\"first\"");
  }

  @Test
  void invalidate_makesTheNextReadFresh() {
    WorkflowCache cache = new WorkflowCache(platform.cache(), new TestCodec());
    cache.get(ID, database);
    stored = workflow("second");

    cache.invalidate(ID);

    assertThat(cache.get(ID, database).orElseThrow().getJson()).contains("\"name\":\"second\"");
    assertThat(loads).hasValue(2);
  }

  @Test
  void get_missingWorkflow_isNotCached() {
    WorkflowCache cache = new WorkflowCache(platform.cache(), new TestCodec());
    stored = null;

    assertThat(cache.get(ID, database)).isEmpty();
    assertThat(cache.get(ID, database)).isEmpty();
    assertThat(loads).hasValue(2);
  }

  @Test
  void get_whenTheCacheIsDown_readsTheDatabase() {
    WorkflowCache cache = new WorkflowCache(FailingCache.create(), new TestCodec());

    assertThat(cache.get(ID, database)).isPresent();
    cache.invalidate(ID); // logged, not thrown
    assertThat(cache.get(ID, database)).isPresent();
  }

  @Test
  void get_idThatCannotBeAKey_bypassesTheCache() {
    WorkflowCache cache = new WorkflowCache(platform.cache(), new TestCodec());

    cache.get("not a uuid", database);
    cache.get("not a uuid", database);

    assertThat(loads).hasValue(2);
  }

  private static WorkflowEntity workflow(String name) {
    WorkflowEntity workflow =
        new WorkflowEntity(ID, "alice", Instant.parse("2030-01-01T00:00:00Z"));
    String body =
        """
        {"name": "%s", "status": "draft", "definition": {"steps": [
          {"name": "say", "type": "log", "message": "hi"}]}}
        """
            .formatted(name);
    workflow.apply(
        WorkflowInputParser.parse(Json.createReader(new StringReader(body)).readObject()),
        workflow.createdAt());
    return workflow;
  }

  /** Version and JSON on two lines: no JSON-B provider is on the unit-test class path. */
  private static final class TestCodec implements Codec<CachedWorkflow> {
    @Override
    public byte[] encode(CachedWorkflow value) {
      return (value.getVersion() + "\n" + value.getJson()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public CachedWorkflow decode(byte[] bytes) {
      String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 2);
      CachedWorkflow cached = new CachedWorkflow();
      cached.setVersion(Long.parseLong(parts[0]));
      cached.setJson(parts[1]);
      return cached;
    }
  }
}
