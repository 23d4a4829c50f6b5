package dev.alertwire.domain.signing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hosted product's scheme: {@code x-checkly-signature} is the lowercase hex HMAC-SHA256 of the exact
 * body bytes, keyed with the webhook secret's UTF-8 bytes.
 */
public final class ChecklySignature {
  public static final String HEADER = "x-checkly-signature";
  public static final String TIMESTAMP_HEADER = "x-checkly-timestamp";

  private ChecklySignature() {}

  public static String sign(String secret, byte[] body) {
    return HexFormat.of().formatHex(HmacSha256.digest(secret.getBytes(StandardCharsets.UTF_8), body));
  }
}
