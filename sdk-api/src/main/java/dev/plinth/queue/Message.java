package dev.plinth.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message: a byte body plus headers. Immutable; build one with {@link #builder(byte[])} or {@link
 * #ofText(String)}.
 */
public final class Message {
  private final byte[] body;
  private final String contentType;
  private final String messageId;
  private final String correlationId;
  private final Map<String, String> properties;
  private final Instant deliverAt;
  private final Duration timeToLive;
  private final String orderingKey;

  private Message(Builder b) {
    this.body = b.body;
    this.contentType = b.contentType;
    this.messageId = b.messageId;
    this.correlationId = b.correlationId;
    this.properties = Map.copyOf(b.properties);
    this.deliverAt = b.deliverAt;
    this.timeToLive = b.timeToLive;
    this.orderingKey = b.orderingKey;
  }

  /**
   * Creates a text message ({@code text/plain; charset=utf-8}).
   *
   * @param text the body
   * @return the message
   */
  public static Message ofText(String text) {
    return builder(text.getBytes(StandardCharsets.UTF_8))
        .contentType("text/plain; charset=utf-8")
        .build();
  }

  /**
   * Starts building a message.
   *
   * @param body the body (copied)
   * @return a builder
   */
  public static Builder builder(byte[] body) {
    return new Builder(body);
  }

  /**
   * Returns a builder initialised with this message's fields.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    // The body is already a private copy that no one can change: the builder may share it.
    Builder b = new Builder(body, false);
    b.contentType = contentType;
    b.messageId = messageId;
    b.correlationId = correlationId;
    b.properties.putAll(properties);
    b.deliverAt = deliverAt;
    b.timeToLive = timeToLive;
    b.orderingKey = orderingKey;
    return b;
  }

  /**
   * Returns the body.
   *
   * @return a copy of the body bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * Returns the body decoded as UTF-8.
   *
   * @return the text
   */
  public String bodyAsText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Returns the body length.
   *
   * @return the number of bytes
   */
  public int bodySize() {
    return body.length;
  }

  /**
   * Returns the MIME type of the body.
   *
   * @return the content type, or null
   */
  public String contentType() {
    return contentType;
  }

  /**
   * Returns the message id; providers that detect duplicates drop a second message with the same
   * id.
   *
   * @return the id, or null until sent (the queue assigns one)
   */
  public String messageId() {
    return messageId;
  }

  /**
   * Returns the correlation id that ties this message to a request or workflow.
   *
   * @return the correlation id, or null
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns the application properties (string values). Names starting with {@code plinth-} are
   * reserved.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * Returns when the message becomes visible to consumers.
   *
   * @return the scheduled time, or null for immediately
   */
  public Instant deliverAt() {
    return deliverAt;
  }

  /**
   * Returns how long the message lives before it expires undelivered.
   *
   * @return the time to live, or null for the queue's default
   */
  public Duration timeToLive() {
    return timeToLive;
  }

  /**
   * Returns the ordering key: messages with the same key are consumed one at a time, in order.
   *
   * @return the key, or null
   */
  public String orderingKey() {
    return orderingKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && Arrays.equals(body, m.body)
        && Objects.equals(contentType, m.contentType)
        && Objects.equals(messageId, m.messageId)
        && Objects.equals(correlationId, m.correlationId)
        && properties.equals(m.properties)
        && Objects.equals(deliverAt, m.deliverAt)
        && Objects.equals(timeToLive, m.timeToLive)
        && Objects.equals(orderingKey, m.orderingKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(body), messageId, correlationId, properties);
  }

  @Override
  public String toString() {
    return "Message{id="
        + messageId
        + ", bytes="
        + body.length
        + ", contentType="
        + contentType
        + ", correlationId="
        + correlationId
        + ", properties="
        + properties.keySet()
        + '}';
  }

  /** Builds a {@link Message}. */
  public static final class Builder {
    private final byte[] body;
    private String contentType;
    private String messageId;
    private String correlationId;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Instant deliverAt;
    private Duration timeToLive;
    private String orderingKey;

    private Builder(byte[] body) {
      this(Objects.requireNonNull(body, "body"), true);
    }

    private Builder(byte[] body, boolean copy) {
      this.body = copy ? body.clone() : body;
    }

    /**
     * Sets the content type.
     *
     * @param value a MIME type
     * @return this builder
     */
    public Builder contentType(String value) {
      this.contentType = value;
      return this;
    }

    /**
     * Sets the message id (used for duplicate detection).
     *
     * @param value the id
     * @return this builder
     */
    public Builder messageId(String value) {
      this.messageId = value;
      return this;
    }

    /**
     * Sets the correlation id.
     *
     * @param value the id
     * @return this builder
     */
    public Builder correlationId(String value) {
      this.correlationId = value;
      return this;
    }

    /**
     * Adds an application property.
     *
     * @param name the property name
     * @param value the value
     * @return this builder
     */
    public Builder property(String name, String value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds application properties.
     *
     * @param values names and values
     * @return this builder
     */
    public Builder properties(Map<String, String> values) {
      values.forEach(this::property);
      return this;
    }

    /**
     * Removes an application property.
     *
     * @param name the property name
     * @return this builder
     */
    public Builder removeProperty(String name) {
      properties.remove(name);
      return this;
    }

    /**
     * Schedules delivery for a later time.
     *
     * @param value when to deliver, or null for immediately
     * @return this builder
     */
    public Builder deliverAt(Instant value) {
      this.deliverAt = value;
      return this;
    }

    /**
     * Sets how long the message may wait undelivered.
     *
     * @param value the time to live, or null
     * @return this builder
     */
    public Builder timeToLive(Duration value) {
      this.timeToLive = value;
      return this;
    }

    /**
     * Sets the ordering key.
     *
     * @param value the key, or null
     * @return this builder
     */
    public Builder orderingKey(String value) {
      this.orderingKey = value;
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     */
    public Message build() {
      return new Message(this);
    }
  }
}
