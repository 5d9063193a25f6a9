package io.advocacy.core.link;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of URL components: everything but RFC 3986 unreserved characters. */
final class UrlText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlText() {}

  static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
