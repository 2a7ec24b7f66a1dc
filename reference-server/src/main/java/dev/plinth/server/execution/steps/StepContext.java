package dev.plinth.server.execution.steps;

import jakarta.json.JsonObject;

/**
 * What a step sees of its execution.
 *
 * @param executionId the execution id
 * @param params the execution's parameters
 * @param results the results of the steps before this one, by step name
 */
public record StepContext(String executionId, JsonObject params, JsonObject results) {}
