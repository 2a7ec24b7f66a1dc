package dev.plinth.server.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message to send, stored in the transaction of the state it announces (transactional outbox).
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "queue_name", nullable = false, length = 128)
  private String queue;

  @Column(name = "message_id", nullable = false, length = 128)
  private String messageId;

  @Column(name = "body", nullable = false, length = 8000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "deliver_at")
  private Instant deliverAt;

  /** For JPA. */
  protected OutboxEntity() {}

  /**
   * Creates an unsent outbox row.
   *
   * @param id the row id
   * @param queue the destination queue
   * @param messageId the message id (the broker drops a second message with the same id)
   * @param body the message body (JSON text)
   * @param now the creation time
   */
  public OutboxEntity(String id, String queue, String messageId, String body, Instant now) {
    this(id, queue, messageId, body, now, null);
  }

  /**
   * Creates an unsent outbox row whose message the queue delivers at a given time.
   *
   * @param id the row id
   * @param queue the destination queue
   * @param messageId the message id (the broker drops a second message with the same id)
   * @param body the message body (JSON text)
   * @param now the creation time
   * @param deliverAt when the queue may deliver the message (scheduled delivery), or null for at
   *     once
   */
  public OutboxEntity(
      String id, String queue, String messageId, String body, Instant now, Instant deliverAt) {
    this.id = id;
    this.queue = queue;
    this.messageId = messageId;
    this.body = body;
    this.createdAt = now;
    this.deliverAt = deliverAt;
  }

  /**
   * @return the row id
   */
  public String id() {
    return id;
  }

  /**
   * @return the destination queue
   */
  public String queue() {
    return queue;
  }

  /**
   * @return the message id
   */
  public String messageId() {
    return messageId;
  }

  /**
   * @return the message body
   */
  public String body() {
    return body;
  }

  /**
   * @return when the row was written
   */
  public Instant createdAt() {
    return createdAt;
  }

  /**
   * @return when the queue may deliver the message, or null for at once
   */
  public Instant deliverAt() {
    return deliverAt;
  }

  /**
   * @return when the relay sent it, or null while unsent
   */
  public Instant sentAt() {
    return sentAt;
  }

  /**
   * Marks the row sent.
   *
   * @param now the send time
   */
  public void markSent(Instant now) {
    this.sentAt = now;
  }
}
