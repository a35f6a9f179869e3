package dev.forkstate.collect.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distribution names out of requirement strings (PEP 508: {@code "kombu>=5.6; python_version < '3.11'"},
 * {@code "pytest-celery[all]>=1.3"}, {@code "name @ https://..."}) and requirements files (pip's format: options
 * such as {@code -r other.txt} and {@code -e .} are not requirements; a URL counts only with its {@code #egg=name}).
 */
public final class Requirements {
  private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*"
      + "(?:\\[[^\\]]*\\])?\\s*(?:$|[<>=!~;@(,\\s])");
  private static final Pattern EGG = Pattern.compile("#egg=([A-Za-z0-9][A-Za-z0-9._-]*)");

  private Requirements() {}

  /** The distribution a PEP 508 requirement names; empty when it names none (a bare URL, a typo'd line). */
  public static Optional<String> name(String requirement) {
    Matcher m = NAME.matcher(requirement);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The distributions a requirements file lists, in order. */
  public static List<String> ofFile(String text) {
    List<String> out = new ArrayList<>();
    // A line ending in a backslash continues on the next (pip's "name==1.0 \\ --hash=..." layout).
    for (String raw : text.replace("\\\r\n", " ").replace("\\\n", " ").split("\n")) {
      String line = raw.strip();
      int comment = line.startsWith("#") ? 0 : line.indexOf(" #");
      if (comment >= 0) {
        line = line.substring(0, comment).strip();
      }
      if (line.isEmpty()) {
        continue;
      }
      Matcher egg = EGG.matcher(line);
      if (egg.find()) {
        out.add(egg.group(1));
      } else if (!line.startsWith("-") && !line.contains("://")) {
        name(line).ifPresent(out::add);
      }
    }
    return out;
  }
}
