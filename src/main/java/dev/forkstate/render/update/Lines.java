package dev.forkstate.render.update;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines that keep their terminators (\n, \r\n or \r), so joining them gives the same bytes. */
public final class Lines {
  private Lines() {}

  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
        out.add(text.substring(start, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }

  /** Where the first line ends (after its terminator): the text's length when it is one line. */
  static int endOfFirst(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return text.length();
  }

  /** Where the last line starts (0 for a text of one line or none), as {@link #split} cuts it. */
  static int startOfLast(String text) {
    int end = text.length();
    if (text.endsWith("\r\n")) {
      end -= 2;
    } else if (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    for (int i = end - 1; i >= 0; i--) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        return i + 1;
      }
    }
    return 0;
  }

  /** The line without its terminator. */
  public static String bare(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** The text with every line ending LF turned into CRLF (lines already ending in CRLF are left alone). */
  public static String withCrlf(String text) {
    return text.replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** True when most lines of the text end in CRLF: new lines written into it should too. */
  public static boolean mostlyCrlf(String text) {
    int crlf = 0;
    int lf = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (i > 0 && text.charAt(i - 1) == '\r') {
        crlf++;
      } else {
        lf++;
      }
    }
    return crlf > lf;
  }
}
