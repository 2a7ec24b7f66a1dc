package dev.plinth.jakarta.security;

import dev.plinth.error.AuthenticationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Writes 401 answers: the RFC 6750 {@code WWW-Authenticate: Bearer} challenge and an RFC 9457
 * {@code application/problem+json} body of type {@code https://plinth.dev/problems/unauthenticated}
 * whose {@code reason} member says why ({@code missing}, {@code expired}, {@code bad_signature},
 * ...). The detail is the SDK's message, written to be shown: it never holds the token.
 */
public final class BearerChallenge {
  /** The {@code type} of every 401 problem. */
  public static final String PROBLEM_TYPE = "https://plinth.dev/problems/unauthenticated";

  /** The challenge without an error: the request carried no credentials. */
  public static final String CHALLENGE = "Bearer realm=\"plinth\"";

  /** The challenge for a token that was refused. */
  public static final String INVALID_TOKEN_CHALLENGE = CHALLENGE + ", error=\"invalid_token\"";

  private static final String MISSING_DETAIL =
      "This route needs a bearer token: send 'Authorization: Bearer <token>'.";

  private BearerChallenge() {}

  /**
   * Answers a request without credentials on a protected resource.
   *
   * @param response the response to write
   * @throws IOException when the body cannot be written
   */
  public static void missingToken(HttpServletResponse response) throws IOException {
    write(response, CHALLENGE, "Authentication required", MISSING_DETAIL, "missing");
  }

  /**
   * Answers a token the authenticator refused.
   *
   * @param response the response to write
   * @param refused why it was refused
   * @throws IOException when the body cannot be written
   */
  public static void invalidToken(HttpServletResponse response, AuthenticationException refused)
      throws IOException {
    write(
        response,
        INVALID_TOKEN_CHALLENGE,
        "Invalid token",
        refused.getMessage() == null ? "The bearer token was refused." : refused.getMessage(),
        reason(refused));
  }

  /**
   * Answers a request whose token could not be checked because the identity provider (e.g. Entra
   * ID's key set) is unreachable: 503 {@code unavailable} with {@code Retry-After}, no challenge.
   *
   * @param response the response to write
   * @throws IOException when the body cannot be written
   */
  public static void providerUnavailable(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://plinth.dev/problems/unavailable\",\"title\":\"Service"
                + " unavailable\",\"status\":503,\"detail\":\"The identity provider cannot be"
                + " reached to verify the bearer token; retry in a few seconds.\"}");
  }

  /**
   * Returns the {@code reason} member for a refusal.
   *
   * @param refused the refusal
   * @return e.g. {@code expired}, {@code bad_signature}; {@code invalid_token} when unknown
   */
  public static String reason(AuthenticationException refused) {
    return refused.reason() == null
        ? "invalid_token"
        : refused.reason().name().toLowerCase(Locale.ROOT);
  }

  private static void write(
      HttpServletResponse response, String challenge, String title, String detail, String reason)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", challenge);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problemJson(title, detail, reason));
  }

  /**
   * Renders the problem body.
   *
   * @param title the title
   * @param detail what happened and what to do
   * @param reason the machine-readable reason
   * @return the JSON text
   */
  static String problemJson(String title, String detail, String reason) {
    return "{\"type\":"
        + quote(PROBLEM_TYPE)
        + ",\"title\":"
        + quote(title)
        + ",\"status\":401,\"detail\":"
        + quote(detail)
        + ",\"reason\":"
        + quote(reason)
        + "}";
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
