package dev.plinth.server.execution;

/** What a message of the {@code executions} queue may do with its execution. */
public enum Admission {
  /**
   * Nothing: the execution is unknown or finished, or a delay is pending and the message is not its
   * continuation (a copy of an earlier message; the continuation is still on its way).
   */
  IGNORE,
  /**
   * The continuation arrived before its delay ended: it is sent again for the remaining time, in
   * the same transaction.
   */
  EARLY,
  /** Run the steps after the last recorded one. */
  RUN
}
