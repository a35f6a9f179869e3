package dev.forkstate.exec;

import java.util.regex.Pattern;

/**
 * Removes what varies between two runs of the same command on the same repository state, so excerpts can be
 * compared byte for byte: timings ("in 0.03s"), temp directories and pytest's random-looking tmp names.
 */
public final class OutputNormalizer {
  private static final Pattern SECONDS = Pattern.compile("\\b\\d+(?:\\.\\d+)?s\\b");
  private static final Pattern TMP = Pattern.compile("/tmp/[^\\s:'\")]+");

  private OutputNormalizer() {}

  public static String normalize(String text) {
    String out = SECONDS.matcher(text).replaceAll("<t>s");
    out = TMP.matcher(out).replaceAll("<tmp>");
    return out.replace("\r\n", "\n");
  }
}
