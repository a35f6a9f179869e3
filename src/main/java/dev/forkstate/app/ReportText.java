package dev.forkstate.app;

import dev.forkstate.error.UserError;
import dev.forkstate.write.FileSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The old report's bytes as text, decoded strictly: a byte that is not UTF-8 would become U+FFFD and the update would
 * write that in place of the user's character. Such a file is refused whole (exit 2, nothing written), never repaired.
 */
final class ReportText {
  static final String BOM = "\uFEFF";

  private ReportText() {}

  static String decode(FileSnapshot file, Path path) {
    byte[] bytes = file.bytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int at = firstBadByte(bytes);
      throw new UserError(path + " is not UTF-8 text (byte 0x" + String.format("%02X", bytes[at] & 0xff)
          + " at offset " + at + "); forkstate would have to change your bytes to update it, so it changed nothing",
          path.toString(), "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8), or move it aside");
    }
  }

  /** The offset of the first byte that does not decode, for the error message. */
  private static int firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : 0;
  }
}
