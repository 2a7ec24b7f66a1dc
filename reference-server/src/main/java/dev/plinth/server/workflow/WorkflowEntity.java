package dev.plinth.server.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A workflow row; the definition is stored as validated JSON text. */
@Entity
@Table(name = "workflow")
public class WorkflowEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "definition_json", nullable = false)
  private String definitionJson;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  @Column(name = "created_by", nullable = false, length = 256)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** For JPA. */
  protected WorkflowEntity() {}

  /**
   * Creates a new workflow row.
   *
   * @param id the id
   * @param createdBy the subject of the creator
   * @param now the creation time
   */
  public WorkflowEntity(String id, String createdBy, Instant now) {
    this.id = id;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Replaces the editable fields.
   *
   * @param input the validated input
   * @param now the update time
   */
  public void apply(WorkflowInput input, Instant now) {
    this.name = input.name();
    this.status = input.status().id();
    this.definitionJson = input.definition().toString();
    this.updatedAt = now;
  }

  /**
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * @return the status
   */
  public WorkflowStatus status() {
    return WorkflowStatus.parse(status).orElseThrow();
  }

  /**
   * @return the definition as JSON text
   */
  public String definitionJson() {
    return definitionJson;
  }

  /**
   * @return the version, incremented on every update
   */
  public long version() {
    return version;
  }

  /**
   * @return the subject of the creator
   */
  public String createdBy() {
    return createdBy;
  }

  /**
   * @return the creation time
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * @return the last update time
   */
  public Instant updatedAt() {
    return updatedAt;
  }
}
