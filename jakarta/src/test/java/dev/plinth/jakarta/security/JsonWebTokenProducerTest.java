package dev.plinth.jakarta.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class JsonWebTokenProducerTest {
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final SecurityContext security = mock(SecurityContext.class);
  private final PlinthJsonWebToken caller = PlinthJsonWebTokenTest.caller();

  @Test
  void find_readsTheRequestAttributeTheMechanismSet() {
    when(request.getAttribute(BearerAuthenticationMechanism.CALLER_ATTRIBUTE)).thenReturn(caller);

    assertThat(JsonWebTokenProducer.find(() -> request, () -> security)).contains(caller);
  }

  @Test
  void find_outsideAnHttpRequest_asksTheSecurityContext() {
    when(security.getPrincipalsByType(JsonWebToken.class)).thenReturn(Set.of(caller));

    assertThat(
            JsonWebTokenProducer.find(
                () -> {
                  throw new IllegalStateException("no request");
                },
                () -> security))
        .contains(caller);
  }

  @Test
  void find_anonymous_isEmptyAndTheProducedTokenHasNoClaims() {
    assertThat(JsonWebTokenProducer.find(() -> request, () -> security)).isEmpty();
    assertThat(AnonymousJsonWebToken.INSTANCE.getName()).isNull();
    assertThat(AnonymousJsonWebToken.INSTANCE.getClaimNames()).isEmpty();
    assertThat(AnonymousJsonWebToken.INSTANCE.getGroups()).isEmpty();
  }
}
