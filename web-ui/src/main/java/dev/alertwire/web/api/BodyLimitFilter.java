package dev.alertwire.web.api;

import dev.alertwire.delivery.json.JsonInputLimits;
import dev.alertwire.domain.validation.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Bodies over 1 MiB are refused: at once when the Content-Length says so, otherwise (chunked) as soon as
 * the bytes read pass the limit, so no resource ever reads more. JSON bodies must be well-formed UTF-8: a
 * bad byte is refused rather than stored as U+FFFD.
 */
@Provider
public class BodyLimitFilter implements ContainerRequestFilter {
  static final int LIMIT = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > LIMIT) {
      request.abortWith(tooLarge());
      return;
    }
    if (!request.hasEntity()) {
      return;
    }
    Optional<byte[]> body = JsonInputLimits.readAtMost(request.getEntityStream(), LIMIT);
    if (body.isEmpty()) {
      request.abortWith(tooLarge());
      return;
    }
    if (declaresUtf8OrNothing(request.getMediaType())) {
      try {
        JsonInputLimits.checkUtf8(body.get());
      } catch (InvalidInputException e) {
        request.abortWith(new InvalidInputMapper().toResponse(e));
        return;
      }
    }
    request.setEntityStream(new ByteArrayInputStream(body.get()));
  }

  private static jakarta.ws.rs.core.Response tooLarge() {
    return Problem.of(413, "Payload too large", "Request bodies are limited to 1 MiB");
  }

  private static boolean declaresUtf8OrNothing(MediaType type) {
    String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || charset.equalsIgnoreCase("utf8");
  }
}
