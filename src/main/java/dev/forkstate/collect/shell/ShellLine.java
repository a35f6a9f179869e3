package dev.forkstate.collect.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split the way a POSIX shell splits it, without running anything: simple commands separated by
 * {@code ; & && || |}, newlines and parentheses; words with their quotes removed; redirection targets kept apart
 * from the arguments; comments dropped. A word that the shell would expand ({@code $VAR}, {@code $(...)}, backticks)
 * is marked, since its text is not what the program receives.
 *
 * <p>Hand-written because no maintained Java library lexes shell operators: Apache Commons Exec and Plexus'
 * {@code CommandLineUtils} split quotes only, so {@code pytest a; pytest b} or {@code -k 'not slow'} would be misread.
 *
 * @param commands    the simple commands, in order
 * @param hasLoop     whether a {@code for}, {@code while} or {@code until} loop runs some of them more than once
 * @param unbalanced  an unterminated quote or substitution: the split is a best effort and should not be trusted
 */
public record ShellLine(List<SimpleCommand> commands, boolean hasLoop, boolean unbalanced) {
  public ShellLine {
    commands = List.copyOf(commands);
  }

  /** One simple command: its words (program first) and the files its redirections name. */
  public record SimpleCommand(List<Word> words, List<String> redirectTargets) {
    public SimpleCommand {
      words = List.copyOf(words);
      redirectTargets = List.copyOf(redirectTargets);
    }
  }

  /** A word as the program receives it; {@code expanded} when the shell would substitute part of it. */
  public record Word(String text, boolean expanded) {}

  private static final java.util.Set<String> LOOP_KEYWORDS = java.util.Set.of("for", "while", "until");

  public static ShellLine parse(String line) {
    return new Lexer(line).run();
  }

  /** The lexer's state: one pass over the characters. */
  private static final class Lexer {
    private final String s;
    private int i;
    private final List<SimpleCommand> commands = new ArrayList<>();
    private List<Word> words = new ArrayList<>();
    private List<String> redirects = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;
    private boolean expanded;
    private boolean redirectNext;
    private boolean loop;
    private boolean unbalanced;

    Lexer(String s) {
      this.s = s;
    }

    ShellLine run() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t') {
          endWord();
          i++;
        } else if (c == '#' && !inWord) {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
          endCommand();
          i++;
        } else if (c == '>' || c == '<') {
          redirection();
        } else if (c == '\\') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i += 2; // line continuation
          } else {
            append(i + 1 < s.length() ? s.charAt(i + 1) : '\\');
            i += 2;
          }
        } else if (c == '\'') {
          int end = s.indexOf('\'', i + 1);
          inWord = true;
          if (end < 0) {
            unbalanced = true;
            word.append(s, i + 1, s.length());
            i = s.length();
          } else {
            word.append(s, i + 1, end);
            i = end + 1;
          }
        } else if (c == '"') {
          doubleQuoted();
        } else if (c == '$' || c == '`') {
          substitution();
        } else {
          append(c);
          i++;
        }
      }
      endCommand();
      return new ShellLine(commands, loop, unbalanced);
    }

    private void append(char c) {
      word.append(c);
      inWord = true;
    }

    /** {@code > f}, {@code 2>&1}, {@code >> f}, {@code < f}: the target is not an argument. */
    private void redirection() {
      // A word made only of digits right before the operator is a file descriptor, not an argument.
      if (inWord && !expanded && word.chars().allMatch(Character::isDigit)) {
        word.setLength(0);
        inWord = false;
      } else {
        endWord();
      }
      i++;
      while (i < s.length() && (s.charAt(i) == '>' || s.charAt(i) == '<' || s.charAt(i) == '&'
          || s.charAt(i) == '|')) {
        i++;
      }
      // "2>&1": the target is a descriptor; otherwise the next word is a file name.
      if (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i - 1) == '&') {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        return;
      }
      redirectNext = true;
    }

    private void doubleQuoted() {
      inWord = true;
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length() && "$`\"\\\n".indexOf(s.charAt(i + 1)) >= 0) {
          word.append(s.charAt(i + 1));
          i += 2;
        } else if (c == '$' || c == '`') {
          substitution();
        } else {
          word.append(c);
          i++;
        }
      }
      if (i >= s.length()) {
        unbalanced = true;
      }
      i++;
    }

    /** {@code $VAR}, {@code ${...}}, {@code $(...)}, {@code $((...))}, backticks: kept as text, marked expanded. */
    private void substitution() {
      int start = i;
      char c = s.charAt(i);
      if (c == '`') {
        int end = s.indexOf('`', i + 1);
        i = end < 0 ? s.length() : end + 1;
        unbalanced |= end < 0;
      } else if (i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
        char open = s.charAt(i + 1);
        char close = open == '(' ? ')' : '}';
        int depth = 0;
        i++;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == open) {
            depth++;
          } else if (d == close && --depth == 0) {
            break;
          }
          i++;
        }
        unbalanced |= i >= s.length();
        i = Math.min(i + 1, s.length());
      } else if (i + 1 < s.length() && (Character.isLetterOrDigit(s.charAt(i + 1)) || "_@*#?$!-".indexOf(
          s.charAt(i + 1)) >= 0)) {
        i++;
        if (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_') {
          while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
          }
        } else {
          i++;
        }
      } else {
        append(c); // a lone "$" is literal
        i++;
        return;
      }
      word.append(s, start, i);
      inWord = true;
      expanded = true;
    }

    private void endWord() {
      if (!inWord) {
        return;
      }
      String text = word.toString();
      if (redirectNext) {
        redirects.add(text);
        redirectNext = false;
      } else {
        if (words.isEmpty() && !expanded && LOOP_KEYWORDS.contains(text)) {
          loop = true;
        }
        words.add(new Word(text, expanded));
      }
      word.setLength(0);
      inWord = false;
      expanded = false;
    }

    private void endCommand() {
      endWord();
      if (!words.isEmpty() || !redirects.isEmpty()) {
        commands.add(new SimpleCommand(words, redirects));
      }
      words = new ArrayList<>();
      redirects = new ArrayList<>();
      redirectNext = false;
    }
  }
}
