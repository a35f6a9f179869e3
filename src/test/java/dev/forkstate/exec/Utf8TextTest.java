package dev.forkstate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
  @Test
  void validUtf8IsUnchanged() {
    String s = "tests/smoke/test_ü.py\0caf\u00e9 \uD83D\uDE80 plain";
    assertThat(Utf8Text.decode(s.getBytes(StandardCharsets.UTF_8))).isEqualTo(s);
    assertThat(Utf8Text.decode(new byte[0])).isEmpty();
    // A replacement character the output really holds stays one, beside a bad byte too.
    assertThat(Utf8Text.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\uFFFDb");
    byte[] both = {'a', (byte) 0xef, (byte) 0xbf, (byte) 0xbd, (byte) 0xe9, 'b'};
    assertThat(Utf8Text.decode(both)).isEqualTo("a\uFFFD\\xe9b");
    // UTF-8 that encodes a surrogate, or too many bytes for a character, is not valid: escaped as before.
    assertThat(Utf8Text.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo("\\xed\\xa0\\x80");
    assertThat(Utf8Text.decode(new byte[] {(byte) 0xc0, (byte) 0xaf})).isEqualTo("\\xc0\\xaf");
  }

  @Test
  void bytesThatAreNotUtf8AreShownEscapedNotReplaced() {
    byte[] latin1 = "caf\u00e9.py".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(Utf8Text.decode(latin1)).isEqualTo("caf\\xe9.py");
    // Two different bad names stay different (U+FFFD would make them one).
    assertThat(Utf8Text.decode(new byte[] {'a', (byte) 0xe8})).isNotEqualTo(Utf8Text.decode(new byte[] {'a', (byte) 0xe9}));
    // A multi-byte sequence cut short at the end of the output.
    assertThat(Utf8Text.decode(new byte[] {'x', (byte) 0xe2, (byte) 0x80})).isEqualTo("x\\xe2\\x80");
    // Every byte value alone: never an exception, never U+FFFD.
    for (int b = 0; b < 256; b++) {
      assertThat(Utf8Text.decode(new byte[] {(byte) b, (byte) b, (byte) b, (byte) b, (byte) b})).doesNotContain("\uFFFD");
    }
  }

  /** Output longer than the decoding window, with multi-byte and bad bytes across its edges, reads the same. */
  @Test
  void longOutputAcrossTheWindowEdges() {
    StringBuilder expected = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < 5000; i++) {
      String s = "line " + i + " \u00e9\u20ac ";
      bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      expected.append(s);
      if (i % 997 == 0) {
        bytes.write(0xe9);
        expected.append("\\xe9");
      }
    }
    assertThat(Utf8Text.decode(bytes.toByteArray())).isEqualTo(expected.toString());
  }
}
