package dev.forkstate.exec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A command's output as text: UTF-8, with every byte that is not part of valid UTF-8 shown as {@code \xNN}. A file
 * name git prints raw (with -z) that is not UTF-8 ({@code caf\xe9.py}) is then shown as what it is, escaped, rather
 * than as U+FFFD, which would hide which byte it was and make two such names look the same.
 */
public final class Utf8Text {
  private Utf8Text() {}

  public static String decode(byte[] bytes) {
    // The JDK's own decoding (its fast paths for ASCII) replaces every byte that is not valid UTF-8 with U+FFFD: a
    // result without U+FFFD means every byte was valid, and it is the text. Only one with U+FFFD (a bad byte, or a
    // U+FFFD the output really holds) is decoded again, byte by byte.
    String plain = new String(bytes, StandardCharsets.UTF_8);
    return plain.indexOf('\uFFFD') < 0 ? plain : escaped(bytes);
  }

  private static String escaped(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // Every command's output passes here (git's up to 64 MiB): decoded through a small window into one builder, so
    // the text costs what String(bytes, UTF_8) costs, not a buffer sized for the worst case of escapes.
    StringBuilder out = new StringBuilder(bytes.length);
    CharBuffer window = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, window, true);
      if (r.isOverflow()) {
        out.append(window.flip());
        window.clear();
      } else if (r.isError()) {
        out.append(window.flip());
        window.clear();
        for (int i = 0; i < r.length(); i++) {
          out.append(String.format("\\x%02x", in.get() & 0xff));
        }
      } else {
        decoder.flush(window);
        out.append(window.flip());
        return out.toString();
      }
    }
  }
}
