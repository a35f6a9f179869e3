package dev.forkstate.collect.ci;

import java.util.List;

/**
 * The part of a `run:` script that a shell would execute as commands: comments and the arguments of
 * {@code echo}, {@code printf} and {@code :} are dropped, because a smoke command that is only printed or commented
 * out protects nothing. Separators and everything else are kept byte for byte, so a command line with {@code &&}
 * or {@code ;} in it is still found. A reading of the shell's grammar, not a shell: heredocs, and text piped into
 * {@code sh}, are taken as written.
 */
final class ExecutedScript {
  private static final List<String> PRINTERS = List.of("echo", "printf", ":");
  private static final List<String> PREFIXES = List.of("then", "do", "else", "elif", "if", "while", "until", "time",
      "!", "{", "(");

  private ExecutedScript() {}

  static String of(String script) {
    StringBuilder out = new StringBuilder();
    StringBuilder command = new StringBuilder();
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '\\' && i + 1 < script.length()) {
        command.append(c).append(script.charAt(i + 1));
        i += 2;
      } else if (c == '\'' || c == '"') {
        int end = closing(script, i);
        command.append(script, i, end);
        i = end;
      } else if (c == '#' && (command.isEmpty() || Character.isWhitespace(command.charAt(command.length() - 1)))) {
        int nl = script.indexOf('\n', i);
        i = nl < 0 ? script.length() : nl;
      } else if (c == '\n' || c == ';' || c == '&' || c == '|') {
        flush(command, out);
        out.append(c);
        i++;
      } else {
        command.append(c);
        i++;
      }
    }
    flush(command, out);
    return out.toString();
  }

  /** The index just past the quote that closes the one at {@code open}; the end of the text if none does. */
  private static int closing(String s, int open) {
    char q = s.charAt(open);
    for (int k = open + 1; k < s.length(); k++) {
      if (q == '"' && s.charAt(k) == '\\') {
        k++;
      } else if (s.charAt(k) == q) {
        return k + 1;
      }
    }
    return s.length();
  }

  private static void flush(StringBuilder command, StringBuilder out) {
    if (!prints(command.toString())) {
      out.append(command);
    }
    command.setLength(0);
  }

  /** Whether the simple command's first word, after assignments and keywords such as `then`, is a printer. */
  private static boolean prints(String command) {
    for (String word : command.strip().split("\\s+")) {
      String w = word.replaceFirst("^[({!]+", "");
      if (w.isEmpty() || PREFIXES.contains(word) || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        continue;
      }
      return PRINTERS.contains(w);
    }
    return false;
  }
}
