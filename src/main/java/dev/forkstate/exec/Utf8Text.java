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
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // At most 4 characters per byte (\xNN); valid UTF-8 never takes more characters than bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        for (int i = 0; i < r.length(); i++) {
          out.put(String.format("\\x%02x", in.get() & 0xff));
        }
        continue;
      }
      if (r.isUnderflow()) {
        decoder.flush(out);
        break;
      }
      throw new IllegalStateException("output buffer too small: " + r);
    }
    out.flip();
    return out.toString();
  }
}
