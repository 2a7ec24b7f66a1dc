package dev.plinth.server.ratelimit;

/**
 * The outcome of counting one request against its caller's window.
 *
 * @param allowed whether the request may proceed
 * @param limit the requests allowed per window
 * @param remaining the requests left in the current window (0 when over the limit)
 * @param resetSeconds seconds until the current window ends (at least 1)
 * @param failedOpen whether the cache was unreachable and the request was let through uncounted
 */
public record RateLimitDecision(
    boolean allowed, int limit, long remaining, long resetSeconds, boolean failedOpen) {}
