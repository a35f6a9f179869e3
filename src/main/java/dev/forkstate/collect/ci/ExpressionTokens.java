package dev.forkstate.collect.ci;

import java.util.ArrayList;
import java.util.List;

/** The lexer for GitHub Actions expressions: strings in single quotes, numbers, names, operators. */
final class ExpressionTokens {
  private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(",
      ")", "[", "]", ",", ".", "*");

  private ExpressionTokens() {}

  /** Throws IllegalArgumentException on a character GitHub's grammar has no use for, or an unclosed string. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int end = i + 1;
        while (true) {
          end = text.indexOf('\'', end);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed string");
          }
          if (end + 1 < text.length() && text.charAt(end + 1) == '\'') {
            end += 2; // '' is a quote inside the string
          } else {
            break;
          }
        }
        out.add(text.substring(i, end + 1));
        i = end + 1;
      } else if (Character.isDigit(c) || c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))
          || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)) && !afterName(out)) {
        int end = i + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
            || (text.charAt(end) == '-' || text.charAt(end) == '+') && "eE".indexOf(text.charAt(end - 1)) >= 0)) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
            || text.charAt(end) == '-')) {
          end++;
        }
        out.add(text.substring(i, end));
        i = end;
      } else {
        String op = operatorAt(text, i);
        out.add(op);
        i += op.length();
      }
    }
    return out;
  }

  static boolean isName(String token) {
    return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
  }

  /** `steps.a.outputs.0x` style access: a dot after a name is property access, not a number. */
  private static boolean afterName(List<String> out) {
    return !out.isEmpty() && (isName(out.get(out.size() - 1)) || out.get(out.size() - 1).equals("]"));
  }

  private static String operatorAt(String text, int i) {
    for (String op : OPERATORS) {
      if (text.startsWith(op, i)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unexpected character " + text.charAt(i));
  }
}
