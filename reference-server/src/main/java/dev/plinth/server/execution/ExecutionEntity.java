package dev.plinth.server.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An execution row and its state machine. Every transition method checks the current state and
 * returns false instead of changing a state it does not apply to, so callers can answer 409 or
 * ignore a redelivery without exceptions.
 */
@Entity
@Table(name = "execution")
public class ExecutionEntity {
  static final int MAX_ERROR_LENGTH = 4000;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "workflow_id", nullable = false, length = 36)
  private String workflowId;

  @Column(name = "workflow_version", nullable = false)
  private long workflowVersion;

  @Column(name = "definition_json", nullable = false)
  private String definitionJson;

  @Column(name = "status", nullable = false, length = 16)
  private String status;

  @Column(name = "params_json", nullable = false)
  private String paramsJson;

  @Column(name = "results_json", nullable = false)
  private String resultsJson;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "error", length = MAX_ERROR_LENGTH)
  private String error;

  @Column(name = "created_by", nullable = false, length = 256)
  private String createdBy;

  @Column(name = "idempotency_key", length = 255)
  private String idempotencyKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "resume_at")
  private Instant resumeAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long version;

  /** For JPA. */
  protected ExecutionEntity() {}

  /**
   * Creates a queued execution.
   *
   * @param id the id
   * @param workflow what to run: workflow id, version and definition snapshot
   * @param paramsJson the parameters (JSON object text)
   * @param createdBy the caller's subject
   * @param idempotencyKey the caller's Idempotency-Key, or null
   * @param now the creation time
   */
  public ExecutionEntity(
      String id,
      WorkflowSnapshot workflow,
      String paramsJson,
      String createdBy,
      String idempotencyKey,
      Instant now) {
    this.id = id;
    this.workflowId = workflow.id();
    this.workflowVersion = workflow.version();
    this.definitionJson = workflow.definitionJson();
    this.status = ExecutionStatus.QUEUED.id();
    this.paramsJson = paramsJson;
    this.resultsJson = "{}";
    this.createdBy = createdBy;
    this.idempotencyKey = idempotencyKey;
    this.createdAt = now;
  }

  /**
   * Starts an attempt: running, attempts + 1, first start time kept.
   *
   * @param now the start time
   * @return false if finished (nothing changed)
   */
  public boolean start(Instant now) {
    if (!status().canStart()) {
      return false;
    }
    status = ExecutionStatus.RUNNING.id();
    attempts++;
    startedAt = startedAt == null ? now : startedAt;
    return true;
  }

  /**
   * Decides what a message may do and applies it: starts an attempt ({@link #start}), ends a
   * pending delay that is due, or leaves the execution as it is. While a delay is pending, only its
   * continuation (the message whose {@code token} is the delay's end) counts, or any message when
   * the execution is {@code queued} (restored from a backup with the delay pending); any other copy
   * is ignored, since the continuation is still on its way.
   *
   * @param token the end of the delay the message continues after, or null for another message
   * @param now the arrival time
   * @return ignore, early (nothing changes unless a restored one starts its attempt) or run
   */
  public Admission admit(Instant token, Instant now) {
    if (resumeAt == null) {
      return start(now) ? Admission.RUN : Admission.IGNORE;
    }
    boolean continuation = token != null && token.toEpochMilli() == resumeAt.toEpochMilli();
    boolean restored = status() == ExecutionStatus.QUEUED;
    if (status().isFinished() || !(continuation || restored)) {
      return Admission.IGNORE;
    }
    if (restored) {
      start(now); // a new attempt, which first waits out the rest of the delay
    }
    if (now.isBefore(resumeAt)) {
      return Admission.EARLY;
    }
    resumeAt = null; // the delay is over; not a new attempt
    return Admission.RUN;
  }

  /**
   * Pauses a running execution at a delay step: records the results (the delay's among them) and
   * when to resume; the attempt ends without counting as failed.
   *
   * @param results the step results (JSON object text, by step name)
   * @param until when the delay ends
   * @return false if the execution is no longer running (cancelled meanwhile)
   */
  public boolean suspend(String results, Instant until) {
    if (!recordResults(results)) {
      return false;
    }
    resumeAt = until;
    return true;
  }

  /**
   * Records the results of the steps run so far.
   *
   * @param results the step results (JSON object text, by step name)
   * @return false if the execution is no longer running (cancelled meanwhile)
   */
  public boolean recordResults(String results) {
    if (status() != ExecutionStatus.RUNNING) {
      return false;
    }
    resultsJson = results;
    return true;
  }

  /**
   * Ends a running execution.
   *
   * @param outcome succeeded, failed or dead_lettered
   * @param reason the error, or null on success
   * @param now the end time
   * @return false if it was not running or queued (e.g. cancelled meanwhile)
   */
  public boolean finish(ExecutionStatus outcome, String reason, Instant now) {
    if (!outcome.isFinished() || outcome == ExecutionStatus.CANCELLED || status().isFinished()) {
      return false;
    }
    status = outcome.id();
    error = truncate(reason);
    finishedAt = now;
    resumeAt = null;
    return true;
  }

  /**
   * Records a failed attempt that the queue will retry: back to queued with the error.
   *
   * @param reason the error
   * @return false if finished meanwhile
   */
  public boolean failAttempt(String reason) {
    if (status().isFinished()) {
      return false;
    }
    status = ExecutionStatus.QUEUED.id();
    error = truncate(reason);
    return true;
  }

  /**
   * Cancels the execution; a running worker stops before its next step.
   *
   * @param now the cancel time
   * @return false if it already finished
   */
  public boolean cancel(Instant now) {
    if (!status().canCancel()) {
      return false;
    }
    status = ExecutionStatus.CANCELLED.id();
    finishedAt = now;
    resumeAt = null; // the continuation still on its way finds it finished and does nothing
    return true;
  }

  /**
   * Puts a dead-lettered (or failed) execution back in the queue for a fresh run: results and error
   * are cleared, attempts keep counting.
   *
   * @return false if it is not dead-lettered or failed
   */
  public boolean requeue() {
    if (!status().canRedrive()) {
      return false;
    }
    status = ExecutionStatus.QUEUED.id();
    resultsJson = "{}";
    error = null;
    finishedAt = null;
    resumeAt = null;
    return true;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_ERROR_LENGTH
        ? text
        : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  /**
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * @return the workflow id
   */
  public String workflowId() {
    return workflowId;
  }

  /**
   * @return the workflow version the execution runs
   */
  public long workflowVersion() {
    return workflowVersion;
  }

  /**
   * @return the definition the execution runs (JSON text)
   */
  public String definitionJson() {
    return definitionJson;
  }

  /**
   * @return the status
   */
  public ExecutionStatus status() {
    return ExecutionStatus.parse(status).orElseThrow();
  }

  /**
   * @return the parameters (JSON object text)
   */
  public String paramsJson() {
    return paramsJson;
  }

  /**
   * @return the step results by step name (JSON object text)
   */
  public String resultsJson() {
    return resultsJson;
  }

  /**
   * @return how many attempts started
   */
  public int attempts() {
    return attempts;
  }

  /**
   * @return the last error, or null
   */
  public String error() {
    return error;
  }

  /**
   * @return the creator's subject
   */
  public String createdBy() {
    return createdBy;
  }

  /**
   * @return the Idempotency-Key, or null
   */
  public String idempotencyKey() {
    return idempotencyKey;
  }

  /**
   * @return the creation time
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * @return the first start time, or null
   */
  public Instant startedAt() {
    return startedAt;
  }

  /**
   * @return the end time, or null
   */
  public Instant finishedAt() {
    return finishedAt;
  }

  /**
   * @return when the pending delay step ends, or null when none is pending
   */
  public Instant resumeAt() {
    return resumeAt;
  }

  /**
   * @return the row version (optimistic locking)
   */
  public long version() {
    return version;
  }
}
