package dev.plinth.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.storage.blob.models.BlobStorageException;
import dev.plinth.error.AuthorizationException;
import dev.plinth.error.NotFoundException;
import dev.plinth.error.PlinthException;
import dev.plinth.error.PreconditionFailedException;
import dev.plinth.error.ProviderUnavailableException;
import dev.plinth.error.ThrottledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Status and error-code mapping of Azure failures to the portable error hierarchy. */
class AzureErrorsTest {
  private final AzureErrors errors = new AzureErrors("uploads");

  private static BlobStorageException failure(int status, String code, String retryAfter) {
    HttpHeaders headers = new HttpHeaders();
    if (code != null) {
      headers.set(HttpHeaderName.fromString("x-ms-error-code"), code);
    }
    if (retryAfter != null) {
      headers.set(HttpHeaderName.RETRY_AFTER, retryAfter);
    }
    return new BlobStorageException(code, new StubResponse(status, headers), null);
  }

  @Test
  void map_429WithRetryAfter_isThrottledWithDelay() {
    RuntimeException mapped = errors.map("get", "k", failure(429, null, "7"));
    assertThat(mapped).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) mapped).retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(((PlinthException) mapped).isRetryable()).isTrue();
  }

  @Test
  void map_503ServerBusy_isThrottled() {
    assertThat(errors.map("put", "k", failure(503, "ServerBusy", null)))
        .isInstanceOf(ThrottledException.class);
  }

  @Test
  void map_otherServerErrors_areUnavailable() {
    assertThat(errors.map("get", "k", failure(503, "ServiceUnavailable", null)))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(errors.map("get", "k", failure(500, "InternalError", null)))
        .isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void map_404_isNotFound_butMissingContainerSaysHowToFix() {
    assertThat(errors.map("get", "k", failure(404, "BlobNotFound", null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(errors.map("get", "k", failure(404, "ContainerNotFound", null)))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("PLINTH_STORAGE_AZURE_BLOB_CREATE_CONTAINER=true");
  }

  @Test
  void map_403_namesTheRbacRole() {
    assertThat(errors.map("list", "p/", failure(403, "AuthorizationPermissionMismatch", null)))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Storage Blob Data Contributor");
  }

  @Test
  void map_412_isPreconditionFailed_and416_isIllegalArgument() {
    assertThat(errors.map("put", "k", failure(412, "ConditionNotMet", null)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(errors.map("get", "k", failure(416, "InvalidRange", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapWrite_conflictOnCreateOnly_isPreconditionFailed() {
    assertThat(errors.mapWrite("k", true, failure(409, "BlobAlreadyExists", null)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(errors.mapWrite("k", true, failure(404, "BlobNotFound", null)))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(errors.mapWrite("k", false, failure(409, "LeaseIdMissing", null)))
        .isNotInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void map_transportAndCredentialFailures_areUnavailable() {
    assertThat(errors.map("get", "k", new UncheckedIOException(new IOException("refused"))))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(
            errors.map("get", "k", new ClientAuthenticationException("no credential", null, null)))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("az login");
  }

  /** The smallest {@link HttpResponse} a {@link BlobStorageException} needs. */
  private static final class StubResponse extends HttpResponse {
    private final int status;
    private final HttpHeaders headers;

    StubResponse(int status, HttpHeaders headers) {
      super(new HttpRequest(HttpMethod.GET, "http://127.0.0.1/devstoreaccount1/uploads/k"));
      this.status = status;
      this.headers = headers;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getHeaderValue(String name) {
      return headers.getValue(name);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
      return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString() {
      return Mono.empty();
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
      return Mono.empty();
    }
  }
}
