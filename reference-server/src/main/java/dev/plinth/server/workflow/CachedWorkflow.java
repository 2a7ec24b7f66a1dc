package dev.plinth.server.workflow;

/**
 * What the cache keeps of a workflow: its version (for the {@code ETag}) and its rendered JSON, so
 * a hit needs neither the database nor the entity.
 */
public final class CachedWorkflow {
  private long version;
  private String json;

  /** For JSON-B. */
  public CachedWorkflow() {}

  /**
   * Creates the snapshot of a stored workflow.
   *
   * @param workflow the workflow as read from the database
   * @return the snapshot
   */
  static CachedWorkflow of(WorkflowEntity workflow) {
    CachedWorkflow cached = new CachedWorkflow();
    cached.version = workflow.version();
    cached.json = WorkflowJson.full(workflow).toString();
    return cached;
  }

  /**
   * Returns the version.
   *
   * @return the workflow version
   */
  public long getVersion() {
    return version;
  }

  /**
   * Sets the version (JSON-B).
   *
   * @param version the workflow version
   */
  public void setVersion(long version) {
    this.version = version;
  }

  /**
   * Returns the rendered workflow.
   *
   * @return the JSON text of {@code GET /workflows/{id}}
   */
  public String getJson() {
    return json;
  }

  /**
   * Sets the rendered workflow (JSON-B).
   *
   * @param json the JSON text
   */
  public void setJson(String json) {
    this.json = json;
  }
}
