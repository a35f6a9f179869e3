package dev.forkstate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between the facts of the previous report and this run's: tests newly failing or fixed, counts that
 * moved (ahead/behind), a new tag or HEAD, and every fact whose status changed. Pure and sorted.
 */
public final class FactChanges {
  private static final List<String> COUNTS = List.of("upstream.ahead", "upstream.behind", "git.tracking.ahead",
      "git.tracking.behind");
  private static final Map<String, String> COUNT_LABELS = Map.of("upstream.ahead", "fork commits ahead of upstream",
      "upstream.behind", "commits behind upstream", "git.tracking.ahead", "unpushed commits",
      "git.tracking.behind", "commits behind the tracking remote");

  private FactChanges() {}

  public static List<String> between(FactDigest before, FactDigest now) {
    List<String> out = new ArrayList<>();
    for (String id : new TreeSet<>(now.facts().keySet())) {
      if (id.startsWith("smoke.") && before.facts().containsKey(id)) {
        Set<String> was = failing(before.facts().get(id));
        Set<String> is = failing(now.facts().get(id));
        is.stream().filter(t -> !was.contains(t)).forEach(t -> out.add("newly failing: " + CodeSpan.of(t)));
        was.stream().filter(t -> !is.contains(t)).forEach(t -> out.add("fixed: " + CodeSpan.of(t)));
      }
    }
    for (String id : COUNTS) {
      FactDigest.Entry b = before.facts().get(id);
      FactDigest.Entry n = now.facts().get(id);
      if (b != null && n != null && isNumber(b.value()) && isNumber(n.value()) && !b.value().equals(n.value())) {
        long delta = Long.parseLong(n.value()) - Long.parseLong(b.value());
        out.add(COUNT_LABELS.get(id) + ": " + b.value() + " → " + n.value() + " (" + (delta > 0 ? "+" : "") + delta
            + ")");
      }
    }
    FactDigest.Entry tagsBefore = before.facts().get("git.tags.at-head");
    FactDigest.Entry tagsNow = now.facts().get("git.tags.at-head");
    if (tagsNow != null) {
      Set<String> old = tagsBefore == null ? Set.of() : Set.copyOf(tagsBefore.items());
      tagsNow.items().stream().filter(t -> !old.contains(t)).sorted()
          .forEach(t -> out.add("new tag at HEAD: " + CodeSpan.of(t)));
    }
    FactDigest.Entry flagsBefore = before.facts().get("happypath.flags");
    FactDigest.Entry flagsNow = now.facts().get("happypath.flags");
    if (flagsNow != null && flagsBefore != null) {
      Set<String> old = Set.copyOf(flagsBefore.items());
      flagsNow.items().stream().filter(f -> !old.contains(f)).sorted().forEach(f -> out.add("new flag: " + f));
    }
    changedValue(before, now, "git.head.sha", "HEAD").ifPresent(out::add);
    for (String id : new TreeSet<>(now.facts().keySet())) {
      FactDigest.Entry b = before.facts().get(id);
      FactDigest.Entry n = now.facts().get(id);
      if (b == null) {
        out.add("newly measured: " + CodeSpan.of(id) + " " + n.status());
      } else if (!b.sameStatus(n)) {
        out.add(CodeSpan.of(id) + ": " + b.status() + " → " + n.status());
      }
    }
    new TreeSet<>(before.facts().keySet()).stream().filter(id -> !now.facts().containsKey(id))
        .forEach(id -> out.add("no longer measured: " + CodeSpan.of(id)));
    return out;
  }

  private static java.util.Optional<String> changedValue(FactDigest before, FactDigest now, String id, String label) {
    FactDigest.Entry b = before.facts().get(id);
    FactDigest.Entry n = now.facts().get(id);
    if (b == null || n == null || b.value().equals(n.value())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(label + ": " + CodeSpan.of(shortSha(b.value())) + " → "
        + CodeSpan.of(shortSha(n.value())));
  }

  private static String shortSha(String v) {
    return v.matches("[0-9a-f]{40}") ? v.substring(0, 12) : v;
  }

  private static Set<String> failing(FactDigest.Entry e) {
    Set<String> ids = new TreeSet<>();
    for (String item : e.items()) {
      if (item.startsWith("failed ") || item.startsWith("error ")) {
        ids.add(item.substring(item.indexOf(' ') + 1));
      }
    }
    return ids;
  }

  private static boolean isNumber(String s) {
    return s.matches("-?\\d{1,18}");
  }
}
