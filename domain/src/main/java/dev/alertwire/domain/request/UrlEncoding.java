package dev.alertwire.domain.request;

import java.nio.charset.StandardCharsets;

/** Percent-encoding for rendered URLs, without touching what is already encoded. */
public final class UrlEncoding {
  private static final String UNRESERVED = "-._~";
  private static final String RESERVED = ":/?#[]@!$&'()*+,;=";

  private UrlEncoding() {}

  /**
   * Encodes every character that may not appear in a URL (spaces, non-ASCII, quotes, braces...). A '%'
   * followed by two hex digits is an existing escape and stays as it is.
   */
  public static String encodeIllegal(String url) {
    StringBuilder out = new StringBuilder(url.length() + 16);
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == '%' && isEscape(url, i)) {
        out.append('%');
      } else if (cp < 128 && (isAlphaNumeric(cp) || UNRESERVED.indexOf(cp) >= 0 || RESERVED.indexOf(cp) >= 0)) {
        out.append((char) cp);
      } else {
        appendEscaped(out, url.substring(i, next));
      }
      i = next;
    }
    return out.toString();
  }

  /**
   * Encodes a rendered user-info (the {@code user:password} before '@') so that nothing in it can end the
   * authority: {@link #encodeIllegal} plus '/', '?', '#', '@' and '[', ']'. A secret holding '/' or an
   * HTML-escaped '=' ({@code &#x3D;}) would otherwise split the URL and send the request, and the rest of
   * the secret, to the wrong host.
   */
  public static String encodeUserInfo(String userInfo) {
    String legal = encodeIllegal(userInfo);
    StringBuilder out = new StringBuilder(legal.length() + 8);
    for (int i = 0; i < legal.length(); i++) {
      char c = legal.charAt(i);
      if ("/?#@[]".indexOf(c) >= 0) {
        appendEscaped(out, String.valueOf(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Encodes a query parameter name or value completely (RFC 3986 unreserved characters stay). */
  public static String encodeComponent(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < 128 && (isAlphaNumeric(cp) || UNRESERVED.indexOf(cp) >= 0)) {
        out.append((char) cp);
      } else {
        appendEscaped(out, text.substring(i, next));
      }
      i = next;
    }
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, String character) {
    for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
      out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
  }

  private static boolean isEscape(String s, int i) {
    return i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static boolean isAlphaNumeric(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
