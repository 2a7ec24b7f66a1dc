package dev.plinth.storage;

import java.net.URI;
import java.time.Instant;

/**
 * A URL granting one operation on one blob until it expires.
 *
 * @param url the URL; for the local filesystem provider a relative or absolute URL that a server
 *     verifies, for Azure a SAS URL
 * @param method the operation it allows
 * @param expiresAt when it stops working
 */
public record PresignedUrl(URI url, PresignMethod method, Instant expiresAt) {}
