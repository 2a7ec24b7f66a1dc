package dev.plinth.server.execution;

/**
 * The workflow an execution runs, copied at creation so a later edit does not change the run.
 *
 * @param id the workflow id
 * @param version the workflow version
 * @param definitionJson the definition (JSON text)
 */
public record WorkflowSnapshot(String id, long version, String definitionJson) {}
