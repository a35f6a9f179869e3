package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.report.SectionTitles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures issue 17 bounds, measured on a rendered report as a reader sees it before opening anything: lines and
 * words outside HTML comments and outside collapsed {@code <details>} blocks (their {@code <summary>} line is seen),
 * status bullets, lines shown twice, and how often each evidence command is shown.
 */
record ReportShape(List<String> visible) {
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern DETAILS = Pattern.compile("<details>(.*?)</details>", Pattern.DOTALL);
  private static final Pattern SUMMARY = Pattern.compile("<summary>.*?</summary>", Pattern.DOTALL);
  private static final Pattern STATUS = Pattern.compile("^\\s*- \\*\\*(PASS|FAIL|WARN|UNKNOWN|SKIPPED)\\*\\*.*");
  /** The command a bullet or footnote ends with: " · `cmd`" (or ": `cmd`" for a line that introduces it). */
  private static final Pattern COMMAND = Pattern.compile("(?: · |: )(`+) ?(.+?) ?\\1$");

  /**
   * Issue 17's bounds for a large fork, asserted: at most 130 lines and 1,600 words in view, no line twice, no command
   * more than 3 times, an Executive Summary of 1 to 12 bullets, the eleven sections in the seed's order.
   */
  void assertWithinLargeForkBounds() {
    assertThat(lines()).as(toString()).isLessThanOrEqualTo(130);
    assertThat(words()).as(toString()).isLessThanOrEqualTo(1600);
    assertThat(repeatedLines()).as("lines shown twice").isEmpty();
    assertThat(mostShownCommand()).as("commands shown: %s", commands()).isLessThanOrEqualTo(3);
    assertThat(bulletsIn("Executive Summary")).isBetween(1L, 12L);
    assertThat(sectionTitles()).isEqualTo(SectionTitles.TITLES);
  }

  static ReportShape of(String markdown) {
    String text = COMMENT.matcher(markdown).replaceAll("");
    Matcher m = DETAILS.matcher(text);
    StringBuilder folded = new StringBuilder();
    while (m.find()) {
      Matcher s = SUMMARY.matcher(m.group(1));
      m.appendReplacement(folded, Matcher.quoteReplacement(s.find() ? s.group() : ""));
    }
    m.appendTail(folded);
    List<String> lines = new ArrayList<>();
    folded.toString().lines().filter(l -> !l.isBlank()).forEach(lines::add);
    return new ReportShape(List.copyOf(lines));
  }

  int lines() {
    return visible.size();
  }

  int words() {
    return visible.stream().mapToInt(l -> l.strip().split("\\s+").length).sum();
  }

  long statusBullets() {
    return visible.stream().filter(l -> STATUS.matcher(l).matches()).count();
  }

  /** Each visible line shown more than once, with its count. */
  Map<String, Integer> repeatedLines() {
    Map<String, Integer> counts = new TreeMap<>();
    visible.forEach(l -> counts.merge(l.strip(), 1, Integer::sum));
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  /** Each evidence command shown, with how many visible lines show it. */
  Map<String, Integer> commands() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String l : visible) {
      Matcher m = COMMAND.matcher(l);
      if (m.find()) {
        counts.merge(m.group(2), 1, Integer::sum);
      }
    }
    return counts;
  }

  int mostShownCommand() {
    return commands().values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The visible top-level bullets of the section with this `##` title. */
  long bulletsIn(String title) {
    int start = visible.indexOf("## " + title);
    if (start < 0) {
      return -1;
    }
    long n = 0;
    for (String l : visible.subList(start + 1, visible.size())) {
      if (l.startsWith("## ")) {
        break;
      }
      n += l.startsWith("- ") ? 1 : 0;
    }
    return n;
  }

  /** The visible `##` headings, in order. */
  List<String> sectionTitles() {
    return visible.stream().filter(l -> l.startsWith("## ")).map(l -> l.substring(3)).toList();
  }

  @Override
  public String toString() {
    return lines() + " visible lines, " + words() + " words, " + statusBullets() + " status bullets, "
        + repeatedLines().size() + " lines shown twice, a command shown at most " + mostShownCommand() + " times";
  }
}
