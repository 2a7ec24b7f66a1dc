package dev.plinth.server.workflow;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The step types a workflow may use, each with the fields it accepts and their rules. */
enum StepType {
  /** Calls an HTTP endpoint: {@code url}, optional {@code method}, {@code timeoutMs}, ... */
  HTTP("url", "method", "timeoutMs", "headers", "body") {
    @Override
    void validateFields(JsonObject step, String path) {
      StepRules.httpUrl(step, path);
      JsonFields.optionalEnum(step, path, "method", Set.of("GET", "POST"));
      JsonFields.optionalLong(step, path, "timeoutMs", 1, 60_000);
      StepRules.stringMap(step, path, "headers");
    }
  },
  /** Builds a JSON object from parameters and earlier outputs: {@code output}. */
  TRANSFORM("output") {
    @Override
    void validateFields(JsonObject step, String path) {
      JsonFields.requiredObject(step, path, "output");
    }
  },
  /** Waits: {@code durationMs} up to {@link StepLimits#MAX_DELAY} (a day). */
  DELAY("durationMs") {
    @Override
    void validateFields(JsonObject step, String path) {
      long max = StepLimits.MAX_DELAY.toMillis();
      if (JsonFields.optionalLong(step, path, "durationMs", 0, max) == null) {
        throw new RequestValidationException(path + "durationMs", "Required: milliseconds.");
      }
    }
  },
  /** Writes a log line: {@code message}, optional {@code level}. */
  LOG("message", "level") {
    @Override
    void validateFields(JsonObject step, String path) {
      JsonFields.requiredString(step, path, "message", 4_000);
      JsonFields.optionalEnum(step, path, "level", Set.of("debug", "info", "warn", "error"));
    }
  },
  /** Sends a message to the {@code notifications} queue: {@code message}, optional channel. */
  NOTIFY("message", "channel") {
    @Override
    void validateFields(JsonObject step, String path) {
      JsonFields.requiredString(step, path, "message", 4_000);
      JsonFields.optionalString(step, path, "channel", 64);
    }
  },
  /** Writes an artifact to blob storage: {@code key}, optional content and content type. */
  STORE("key", "content", "contentType") {
    @Override
    void validateFields(JsonObject step, String path) {
      StepRules.relativeKey(step, path);
      JsonFields.optionalString(step, path, "contentType", 255);
    }
  },
  /** Fails on purpose (to exercise retries and dead letters): optional {@code message}. */
  FAIL("message") {
    @Override
    void validateFields(JsonObject step, String path) {
      JsonFields.optionalString(step, path, "message", 4_000);
    }
  };

  private final Set<String> members;

  StepType(String... fields) {
    Set<String> all = new HashSet<>(Set.of(fields));
    all.add("name");
    all.add("type");
    this.members = Set.copyOf(all);
  }

  /**
   * Checks a step's type-specific fields and rejects fields the type does not know.
   *
   * @param step the step object
   * @param path the JSON path prefix of its members, e.g. {@code definition.steps[0].}
   */
  void validate(JsonObject step, String path) {
    JsonFields.onlyKnownMembers(step, path, members);
    validateFields(step, path);
  }

  abstract void validateFields(JsonObject step, String path);

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<StepType> parse(String text) {
    for (StepType type : values()) {
      if (type.id().equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static String ids() {
    StringBuilder ids = new StringBuilder();
    for (StepType type : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(type.id());
    }
    return ids.toString();
  }
}
