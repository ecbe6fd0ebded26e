package dev.protoshift.session.internal;

/** UTF-8 length of a string without encoding it. */
final class Utf8 {

  private Utf8() {}

  static int length(CharSequence s) {
    int bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes += 1; // a lone surrogate: String.getBytes(UTF_8) replaces it with '?'
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
