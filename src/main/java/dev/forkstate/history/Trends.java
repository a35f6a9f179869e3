package dev.forkstate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics over the recorded runs plus this one (oldest first): smoke pass rate, the behind-upstream series and how
 * often the smokes were flaky. A point is one run as stored: status and value per fact id.
 */
public final class Trends {
  public static final int WINDOW = 10;
  /** More days than this since upstream last came in is a WARN. */
  static final long STALE_DAYS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A smoke fact's digest value: "5 passed, 1 failed, 0 errors, 2 skipped". */
  private static final Pattern COUNTS = Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) errors, (\\d+) skipped");

  private Trends() {}

  /** One run, reduced to what the trends read. */
  /** {@code passRate} is passed / (passed + failed + errors) over all smokes, null when none counted tests. */
  public record Point(String time, String commit, boolean smokesGreen, boolean smokesMeasured, Long behind,
      boolean flaky, Double passRate, List<String> flakyTests, String upstreamIn) {
    public Point {
      flakyTests = List.copyOf(flakyTests);
      upstreamIn = upstreamIn == null ? "" : upstreamIn;
    }
  }

  public static Point of(String time, String commit, FactSet facts) {
    List<Fact> smokes = facts.withPrefix("smoke.");
    boolean measured = smokes.stream().anyMatch(f -> f.value() instanceof Value.Tests);
    boolean green = measured && smokes.stream().allMatch(f -> f.status() == Status.PASS);
    boolean flaky = facts.get("happypath.determinism").map(f -> f.status() == Status.FAIL).orElse(false);
    long passed = 0;
    long ran = 0;
    for (Fact f : smokes) {
      if (f.value() instanceof Value.Tests t) {
        passed += t.passed();
        ran += t.passed() + t.failed() + t.errors();
      }
    }
    List<String> flakyTests = facts.get("happypath.determinism").filter(f -> f.value() instanceof Value.Paths)
        .map(f -> testIds(((Value.Paths) f.value()).paths())).orElse(List.of());
    return new Point(time, commit, green, measured, facts.count("upstream.behind").orElse(null), flaky,
        ran == 0 ? null : (double) passed / ran, flakyTests, facts.text("upstream.last-merge").orElse(""));
  }

  /** A stored run: its digest JSON read back ({"id": {"s": status, "v": value}}). */
  public static Point of(HistoryStore.Run run) {
    try {
      JsonNode f = JSON.readTree(run.facts());
      boolean measured = false;
      boolean green = true;
      long passed = 0;
      long ran = 0;
      for (var it = f.fields(); it.hasNext(); ) {
        var e = it.next();
        Matcher m = COUNTS.matcher(e.getValue().path("v").asText());
        if (e.getKey().startsWith("smoke.") && m.matches()) {
          measured = true;
          green &= e.getValue().path("s").asText().equals("PASS");
          passed += Long.parseLong(m.group(1));
          ran += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
        }
      }
      String behind = f.path("upstream.behind").path("v").asText("");
      List<String> items = new ArrayList<>();
      f.path("happypath.determinism").path("i").forEach(i -> items.add(i.asText()));
      return new Point(run.time(), run.commit(), measured && green, measured,
          behind.matches("\\d+") ? Long.parseLong(behind) : null,
          f.path("happypath.determinism").path("s").asText().equals("FAIL"), ran == 0 ? null : (double) passed / ran,
          testIds(items), f.path("upstream.last-merge").path("v").asText(""));
    } catch (IOException e) {
      return new Point(run.time(), run.commit(), false, false, null, false, null, List.of(), "");
    }
  }

  /** "`tests/x.py::t` (passed, failed)" items of the determinism fact, as test ids. */
  private static List<String> testIds(List<String> items) {
    return items.stream().map(i -> i.replaceAll("^`([^`]*)`.*$", "$1")).toList();
  }

  /** The trend facts; {@code points} oldest first, this run last. */
  public static List<Fact> facts(List<Point> points, String dbPath) {
    Evidence ev = Evidence.ofCommand("sqlite3 " + dbPath + " 'SELECT id, time, commit_sha, exit_code FROM runs "
        + "ORDER BY id DESC LIMIT " + WINDOW + "'");
    List<Fact> out = new ArrayList<>();
    out.add(Fact.of("history.runs", Status.INFO, new Value.Count(points.size()), Noun.count(points.size(), "run")
        + " in the window (this one included), since " + points.get(0).time(), ev));
    List<Point> measured = points.stream().filter(Point::smokesMeasured).toList();
    if (measured.isEmpty()) {
      out.add(Fact.unknown("history.smoke-pass-rate", "no run in the window counted smoke tests", ev));
    } else {
      long green = measured.stream().filter(Point::smokesGreen).count();
      out.add(new Fact(FactId.of("history.smoke-pass-rate"), green == measured.size() ? Status.PASS : Status.WARN,
          new Value.Count(Math.round(100.0 * green / measured.size())), "smokes green in " + green + " of "
          + Noun.count(measured.size(), "run") + " (" + Math.round(100.0 * green / measured.size()) + "%)", "",
          List.of(ev)));
    }
    List<String> behind = points.stream().filter(p -> p.behind() != null).map(p -> Long.toString(p.behind()))
        .toList();
    if (behind.isEmpty()) {
      out.add(Fact.unknown("history.behind", "no run in the window measured upstream drift", ev));
    } else {
      long first = Long.parseLong(behind.get(0));
      long last = Long.parseLong(behind.get(behind.size() - 1));
      out.add(new Fact(FactId.of("history.behind"), last > first ? Status.WARN : Status.PASS,
          new Value.Text(String.join(" ", behind)),
          "commits behind upstream, oldest to newest run: " + String.join(" → ", behind)
          + (last > first ? " (drifting: +" + (last - first) + ")" : ""), "", List.of(ev)));
    }
    long flaky = points.stream().filter(Point::flaky).count();
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    points.forEach(p -> seen.addAll(p.flakyTests()));
    out.add(new Fact(FactId.of("history.flaky"), flaky == 0 ? Status.PASS : Status.WARN,
        new Value.Paths(List.copyOf(seen)), flaky == 0 ? "no flaky smokes in the window" : "flaky smokes in " + flaky
        + " of " + Noun.count(points.size(), "run") + (seen.isEmpty() ? "" : ": " + String.join(", ",
        seen.stream().map(t -> "`" + t + "`").toList())), "", List.of(ev)));
    drift(points, ev).ifPresent(out::add);
    sinceUpstream(points.get(points.size() - 1), ev).ifPresent(out::add);
    return out;
  }

  /** Behind-upstream change per week between the oldest and the newest run that measured it. */
  private static java.util.Optional<Fact> drift(List<Point> points, Evidence ev) {
    List<Point> with = points.stream().filter(p -> p.behind() != null).toList();
    if (with.size() < 2) {
      return java.util.Optional.empty();
    }
    Point a = with.get(0);
    Point b = with.get(with.size() - 1);
    double days = (java.time.Instant.parse(b.time()).getEpochSecond() - java.time.Instant.parse(a.time())
        .getEpochSecond()) / 86_400.0;
    if (days < 1) {
      return java.util.Optional.of(new Fact(FactId.of("history.drift-per-week"), Status.PASS, Value.none(),
          "runs in the window span less than a day: no weekly rate yet", "", List.of(ev)));
    }
    double perWeek = (b.behind() - a.behind()) / days * 7;
    return java.util.Optional.of(new Fact(FactId.of("history.drift-per-week"), perWeek > 0 ? Status.WARN
        : Status.PASS, new Value.Text(String.format(java.util.Locale.ROOT, "%.1f", perWeek)), String.format(
        java.util.Locale.ROOT, "%+.1f commits behind upstream per week (%d → %d over %.0f days)", perWeek, a.behind(),
        b.behind(), days), "", List.of(ev)));
  }

  /** Days from the last time upstream code came in (a merge, else the fork point) to this run. */
  private static java.util.Optional<Fact> sinceUpstream(Point now, Evidence ev) {
    if (!now.upstreamIn().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return java.util.Optional.empty();
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(now.upstreamIn()),
        java.time.LocalDate.ofInstant(java.time.Instant.parse(now.time()), java.time.ZoneOffset.UTC));
    return java.util.Optional.of(new Fact(FactId.of("history.days-since-upstream"), days > STALE_DAYS ? Status.WARN
        : Status.PASS, new Value.Count(days), Noun.count(days, "day") + " since upstream code last came in ("
        + now.upstreamIn() + ")", "", List.of(ev)));
  }
}
