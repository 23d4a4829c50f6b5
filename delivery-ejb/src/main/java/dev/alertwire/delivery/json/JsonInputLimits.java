package dev.alertwire.delivery.json;

import dev.alertwire.domain.validation.FieldError;
import dev.alertwire.domain.validation.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks on request bodies made before a JSON parser sees them: the parser recurses once per nesting level
 * (100,000 levels overflow its stack), and a body sent without a Content-Length must still stop at the limit.
 */
public final class JsonInputLimits {
  /** Deeper than any document the API takes (an import document nests five levels). */
  public static final int MAX_DEPTH = 64;

  private JsonInputLimits() {}

  /**
   * Refuses arrays and objects nested more than {@link #MAX_DEPTH} deep, and {@code \\u} escapes that leave
   * half of a surrogate pair (a parser makes it a lone UTF-16 unit, which storage turns into "?"), naming
   * where. Brackets inside strings do not count. Linear and allocation-free, so it is safe on any input the
   * body limit lets in.
   */
  public static void checkStructure(String json) {
    int depth = 0;
    int line = 1;
    int column = 0;
    boolean inString = false;
    boolean escaped = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
          if (c == 'u') {
            int unit = hex(json, i + 1);
            if (Character.isLowSurrogate((char) unit)) {
              throw unpaired(unit, line, column - 1);
            }
            if (Character.isHighSurrogate((char) unit)) {
              boolean paired = i + 10 < json.length() && json.charAt(i + 5) == '\\' && json.charAt(i + 6) == 'u'
                  && Character.isLowSurrogate((char) hex(json, i + 7));
              if (!paired) {
                throw unpaired(unit, line, column - 1);
              }
              i += 10; // past the pair's second escape (\\uDCxx); no brackets or quotes in it
              column += 10;
            }
          }
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          throw new InvalidInputException(List.of(new FieldError(
              "body", "arrays and objects nest more than " + MAX_DEPTH + " levels deep", line, column)));
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
  }

  /** The four hex digits at {@code at} as a UTF-16 unit, or -1 (the parser reports bad escapes itself). */
  private static int hex(String json, int at) {
    if (at + 4 > json.length()) {
      return -1;
    }
    int value = 0;
    for (int k = at; k < at + 4; k++) {
      int digit = Character.digit(json.charAt(k), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static InvalidInputException unpaired(int unit, int line, int column) {
    return new InvalidInputException(List.of(new FieldError(
        "body", String.format("\\u%04x is half of a surrogate pair; a string must hold whole characters", unit), line, column)));
  }

  /**
   * Reads the whole stream when it holds at most {@code limit} bytes.
   *
   * @return the bytes, or empty when the stream is longer (it is then read only to just past the limit)
   */
  public static Optional<byte[]> readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > limit) {
        return Optional.empty();
      }
      out.write(buffer, 0, n);
    }
    return Optional.of(out.toByteArray());
  }

  /** Refuses bytes that are not well-formed UTF-8 (JSON text is UTF-8), naming the first bad byte's offset. */
  public static void checkUtf8(byte[] bytes) {
    ByteBuffer input = ByteBuffer.wrap(bytes);
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(input);
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("body", "is not valid UTF-8 (at byte " + input.position() + ")");
    }
  }
}
