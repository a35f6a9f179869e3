package dev.forkstate.exec;

import java.util.regex.Pattern;

/**
 * Removes what varies between two runs of the same command on the same repository state, so excerpts can be
 * compared byte for byte: timings ("in 0.03s"), temp directories and pytest's random-looking tmp names, and the
 * memory addresses in Python's default reprs ({@code <Core object at 0x7f85500a0f50>}), which a failing assertion
 * prints and which differ in every process.
 */
public final class OutputNormalizer {
  private static final Pattern SECONDS = Pattern.compile("\\b\\d+(?:\\.\\d+)?s\\b");
  private static final Pattern TMP = Pattern.compile("/tmp/[^\\s:'\")]+");
  private static final Pattern ADDRESS = Pattern.compile("(?<= at )0x[0-9a-fA-F]{4,16}\\b");

  private OutputNormalizer() {}

  public static String normalize(String text) {
    String out = SECONDS.matcher(text).replaceAll("<t>s");
    out = TMP.matcher(out).replaceAll("<tmp>");
    out = ADDRESS.matcher(out).replaceAll("0x…");
    return out.replace("\r\n", "\n");
  }
}
