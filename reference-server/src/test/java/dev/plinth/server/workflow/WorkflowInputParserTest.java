package dev.plinth.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plinth.server.problem.RequestValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowInputParserTest {

  private static JsonObject body(String steps) {
    String json =
        "{\"name\": \"demo\", \"status\": \"active\", \"definition\": {\"steps\": ["
            + steps
            + "]}}";
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void parse_everyStepType_isAccepted() {
    WorkflowInput input =
        WorkflowInputParser.parse(
            body(
                """
                {"name": "a", "type": "http", "url": "http://svc/x", "method": "POST",
                 "headers": {"X-A": "1"}, "body": {"k": 1}},
                {"name": "b", "type": "transform", "output": {"x": 1}},
                {"name": "c", "type": "delay", "durationMs": 0},
                {"name": "c2", "type": "delay", "durationMs": 86400000},
                {"name": "d", "type": "log", "message": "m"},
                {"name": "e", "type": "notify", "message": "m", "channel": "ops"},
                {"name": "f", "type": "store", "key": "out/a.json", "content": {"a": 1}},
                {"name": "g", "type": "fail"}
                """));

    assertThat(input.name()).isEqualTo("demo");
    assertThat(input.status()).isEqualTo(WorkflowStatus.ACTIVE);
    assertThat(input.definition().getJsonArray("steps")).hasSize(8);
  }

  @Test
  void parse_withoutStatus_defaultsToDraft() {
    JsonObject body =
        Json.createReader(
                new StringReader(
                    "{\"name\": \"x\", \"definition\": {\"steps\": [{\"name\": \"f\","
                        + " \"type\": \"fail\"}]}}"))
            .readObject();

    assertThat(WorkflowInputParser.parse(body).status()).isEqualTo(WorkflowStatus.DRAFT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type | {\"name\": \"a\", \"type\": \"teleport\"} | definition.steps[0].type",
        "missing type | {\"name\": \"a\"} | definition.steps[0].type",
        "missing name | {\"type\": \"fail\"} | definition.steps[0].name",
        "bad name | {\"name\": \"a b\", \"type\": \"fail\"} | definition.steps[0].name",
        "ftp url | {\"name\": \"a\", \"type\": \"http\", \"url\": \"ftp://x\"} |"
            + " definition.steps[0].url",
        "bad method | {\"name\": \"a\", \"type\": \"http\", \"url\": \"http://x\", \"method\":"
            + " \"PATCH\"} | definition.steps[0].method",
        "long timeout | {\"name\": \"a\", \"type\": \"http\", \"url\": \"http://x\","
            + " \"timeoutMs\": 60001} | definition.steps[0].timeoutMs",
        "header not text | {\"name\": \"a\", \"type\": \"http\", \"url\": \"http://x\","
            + " \"headers\": {\"X\": 1}} | definition.steps[0].headers.X",
        "no output | {\"name\": \"a\", \"type\": \"transform\"} | definition.steps[0].output",
        "negative delay | {\"name\": \"a\", \"type\": \"delay\", \"durationMs\": -1} |"
            + " definition.steps[0].durationMs",
        "missing delay | {\"name\": \"a\", \"type\": \"delay\"} | definition.steps[0].durationMs",
        "delay over a day | {\"name\": \"a\", \"type\": \"delay\", \"durationMs\": 86400001} |"
            + " definition.steps[0].durationMs",
        "log level | {\"name\": \"a\", \"type\": \"log\", \"message\": \"m\", \"level\":"
            + " \"loud\"} | definition.steps[0].level",
        "notify message | {\"name\": \"a\", \"type\": \"notify\"} | definition.steps[0].message",
        "traversal key | {\"name\": \"a\", \"type\": \"store\", \"key\": \"a/../../etc\"} |"
            + " definition.steps[0].key",
        "absolute key | {\"name\": \"a\", \"type\": \"store\", \"key\": \"/etc/passwd\"} |"
            + " definition.steps[0].key",
        "unknown member | {\"name\": \"a\", \"type\": \"fail\", \"url\": \"http://x\"} |"
            + " definition.steps[0].url",
        "not an object | 42 | definition.steps[0]",
      })
  void parse_invalidStep_namesTheField(String scenario, String step, String field) {
    assertThatThrownBy(() -> WorkflowInputParser.parse(body(step)))
        .isInstanceOf(RequestValidationException.class)
        .extracting(e -> ((RequestValidationException) e).field())
        .isEqualTo(field);
  }

  @Test
  void parse_duplicateStepNames_namesTheSecond() {
    assertThatThrownBy(
            () ->
                WorkflowInputParser.parse(
                    body(
                        "{\"name\": \"a\", \"type\": \"fail\"}, {\"name\": \"a\", \"type\": \"fail\"}")))
        .extracting(e -> ((RequestValidationException) e).field())
        .isEqualTo("definition.steps[1].name");
  }

  @Test
  void parse_noSteps_namesSteps() {
    assertThatThrownBy(() -> WorkflowInputParser.parse(body("")))
        .extracting(e -> ((RequestValidationException) e).field())
        .isEqualTo("definition.steps");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no name | {\"definition\": {\"steps\": []}} | name",
        "bad status | {\"name\": \"x\", \"status\": \"running\", \"definition\": {}} | status",
        "no definition | {\"name\": \"x\"} | definition",
        "unknown member | {\"name\": \"x\", \"owner\": \"me\", \"definition\": {}} | owner",
        "schema version | {\"name\": \"x\", \"definition\": {\"schemaVersion\": 2, \"steps\": []}}"
            + " | definition.schemaVersion",
      })
  void parse_invalidWorkflow_namesTheField(String scenario, String json, String field) {
    JsonObject body = Json.createReader(new StringReader(json)).readObject();

    assertThatThrownBy(() -> WorkflowInputParser.parse(body))
        .extracting(e -> ((RequestValidationException) e).field())
        .isEqualTo(field);
  }
}
