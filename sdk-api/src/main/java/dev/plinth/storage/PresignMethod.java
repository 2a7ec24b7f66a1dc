package dev.plinth.storage;

/** What a presigned URL allows. */
public enum PresignMethod {
  /** Download the blob. */
  GET,
  /** Upload (create or replace) the blob. */
  PUT
}
