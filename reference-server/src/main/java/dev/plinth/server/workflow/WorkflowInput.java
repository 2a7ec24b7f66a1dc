package dev.plinth.server.workflow;

import jakarta.json.JsonObject;

/**
 * A validated create or replace request.
 *
 * @param name the display name
 * @param status the status
 * @param definition the validated definition ({@code schemaVersion} and {@code steps})
 */
public record WorkflowInput(String name, WorkflowStatus status, JsonObject definition) {}
