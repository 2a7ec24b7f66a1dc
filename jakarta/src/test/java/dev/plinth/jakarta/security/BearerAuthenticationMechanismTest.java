package dev.plinth.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.plinth.auth.TokenIssuer;
import dev.plinth.auth.TokenRequest;
import dev.plinth.core.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class BearerAuthenticationMechanismTest {
  private static Platform platform;
  private static TokenIssuer issuer;

  private final BearerAuthenticationMechanism mechanism = new BearerAuthenticationMechanism();
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final HttpServletResponse response = mock(HttpServletResponse.class);
  private final HttpMessageContext context = mock(HttpMessageContext.class);
  private final StringWriter body = new StringWriter();

  @BeforeAll
  static void platform() {
    platform = Platform.inMemory();
    issuer = platform.auth().unwrap(TokenIssuer.class);
  }

  @AfterAll
  static void close() {
    platform.close();
  }

  @BeforeEach
  void wire() throws Exception {
    mechanism.authenticator = platform.auth();
    when(response.getWriter()).thenReturn(new PrintWriter(body));
    when(context.doNothing()).thenReturn(AuthenticationStatus.NOT_DONE);
    when(context.notifyContainerAboutLogin(any(java.security.Principal.class), anySet()))
        .thenReturn(AuthenticationStatus.SUCCESS);
  }

  private AuthenticationStatus validate(String authorization) {
    when(request.getHeader("Authorization")).thenReturn(authorization);
    return mechanism.validateRequest(request, response, context);
  }

  private String token(String... roles) {
    return issuer.issue(TokenRequest.user("alice", Set.of(roles))).accessToken();
  }

  private JsonObject problem() {
    return Json.createReader(new StringReader(body.toString())).readObject();
  }

  @Test
  void validateRequest_validToken_notifiesContainerWithCallerAndRolesAsGroups() {
    String token = token("user", "viewer");

    assertThat(validate("Bearer " + token)).isEqualTo(AuthenticationStatus.SUCCESS);

    ArgumentCaptor<java.security.Principal> caller =
        ArgumentCaptor.forClass(java.security.Principal.class);
    verify(context)
        .notifyContainerAboutLogin(
            caller.capture(), org.mockito.ArgumentMatchers.eq(Set.of("user", "viewer")));
    assertThat(caller.getValue()).isInstanceOf(PlinthJsonWebToken.class);
    assertThat(caller.getValue().getName()).isEqualTo("alice");
    assertThat(((PlinthJsonWebToken) caller.getValue()).getRawToken()).isEqualTo(token);
    verify(request).setAttribute(BearerAuthenticationMechanism.CALLER_ATTRIBUTE, caller.getValue());
  }

  @Test
  void validateRequest_schemeIsCaseInsensitive() {
    assertThat(validate("bearer " + token("viewer"))).isEqualTo(AuthenticationStatus.SUCCESS);
  }

  @Test
  void validateRequest_noTokenOnPublicResource_doesNothing() {
    assertThat(validate(null)).isEqualTo(AuthenticationStatus.NOT_DONE);
    verify(response, never()).setStatus(401);
  }

  @Test
  void validateRequest_noTokenOnProtectedResource_is401WithBearerChallenge() throws Exception {
    when(context.isProtected()).thenReturn(true);

    assertThat(validate(null)).isEqualTo(AuthenticationStatus.SEND_FAILURE);

    verify(response).setStatus(401);
    verify(response).setHeader("WWW-Authenticate", "Bearer realm=\"plinth\"");
    verify(response, never()).flushBuffer();
    verify(response).setContentType("application/problem+json");
    assertThat(problem().getString("type"))
        .isEqualTo("https://plinth.dev/problems/unauthenticated");
    assertThat(problem().getString("reason")).isEqualTo("missing");
    assertThat(problem().getString("detail")).contains("Authorization: Bearer");
  }

  @Test
  void validateRequest_noTokenWhenApplicationAsksToAuthenticate_is401() {
    when(context.isAuthenticationRequest()).thenReturn(true);

    assertThat(validate("  ")).isEqualTo(AuthenticationStatus.SEND_FAILURE);
    verify(response).setStatus(401);
  }

  @Test
  void validateRequest_garbageToken_is401InvalidTokenMalformed() throws Exception {
    assertThat(validate("Bearer not-a-token")).isEqualTo(AuthenticationStatus.SEND_CONTINUE);

    verify(response).setStatus(401);
    verify(response)
        .setHeader("WWW-Authenticate", "Bearer realm=\"plinth\", error=\"invalid_token\"");
    assertThat(problem().getString("reason")).isEqualTo("malformed");
    assertThat(problem().getInt("status")).isEqualTo(401);
    verify(response).flushBuffer();
  }

  @Test
  void validateRequest_forgedToken_is401BadSignatureWithoutEchoingTheToken() {
    String[] parts = token("viewer").split("\\.");
    String forged = parts[0] + "." + parts[1] + "x." + parts[2];

    validate("Bearer " + forged);

    assertThat(problem().getString("reason")).isIn("bad_signature", "malformed");
    assertThat(body.toString()).doesNotContain(forged).doesNotContain(parts[2]);
    verify(context, never())
        .notifyContainerAboutLogin(any(java.security.Principal.class), anySet());
  }

  @Test
  void validateRequest_algNoneToken_is401() {
    String[] parts = token("viewer").split("\\.");
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[1]
            + ".";

    assertThat(validate("Bearer " + none)).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
    assertThat(problem().getString("reason")).isIn("unsupported_algorithm", "malformed");
  }

  @Test
  void validateRequest_otherScheme_is401Malformed() {
    assertThat(validate("Basic YWxpY2U6c2VjcmV0")).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
    assertThat(problem().getString("reason")).isEqualTo("malformed");
    assertThat(problem().getString("detail")).contains("Bearer");
  }

  @Test
  void validateRequest_identityProviderUnreachable_is503Unavailable() {
    dev.plinth.auth.Authenticator down = mock(dev.plinth.auth.Authenticator.class);
    when(down.authenticate("some.jwt.token"))
        .thenThrow(new dev.plinth.error.ProviderUnavailableException("JWKS unreachable"));
    mechanism.authenticator = down;

    assertThat(validate("Bearer some.jwt.token")).isEqualTo(AuthenticationStatus.SEND_CONTINUE);

    verify(response).setStatus(503);
    verify(response).setHeader("Retry-After", "5");
    assertThat(problem().getString("type")).isEqualTo("https://plinth.dev/problems/unavailable");
    assertThat(body.toString()).doesNotContain("some.jwt.token");
  }
}
