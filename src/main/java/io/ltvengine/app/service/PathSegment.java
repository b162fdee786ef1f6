package io.ltvengine.app.service;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a value as one URL path segment (RFC 3986): unreserved characters stay, every
 * other byte of its UTF-8 form becomes %XX. Form encoding would turn a space into '+', which a
 * path keeps as a plus, so a customer "a b" would be asked for as "a+b".
 */
final class PathSegment {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {}

  static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (unreserved(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
