package dev.forkstate.history;

import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metrics over the recorded runs plus this one (oldest first): smoke pass rate, the behind-upstream series and how
 * often the smokes were flaky. A point is one run read from its typed facts (status and value per fact id), the same
 * way for this run and for a stored one.
 */
public final class Trends {
  public static final int WINDOW = 10;
  /** More days than this since upstream last came in is a WARN. */

  private Trends() {}

  /**
   * One run, reduced to what the trends read. {@code passRate} is passed / (passed + failed + errors) over all
   * smokes, null when none counted tests.
   */
  public record Point(String time, String commit, boolean smokesGreen, boolean smokesMeasured, Long behind,
      boolean flaky, Double passRate, List<String> flakyTests, String upstreamIn) {
    public Point {
      flakyTests = List.copyOf(flakyTests);
      upstreamIn = upstreamIn == null ? "" : upstreamIn;
    }
  }

  public static Point of(String time, String commit, FactSet facts) {
    return of(time, commit, RunFacts.of(facts.all()));
  }

  /** A stored run; one whose facts cannot be read counts as having measured nothing. */
  public static Point of(HistoryStore.Run run) {
    return of(run.time(), run.commit(), run.typedFacts(READS).orElse(RunFacts.empty()));
  }

  /** The facts a point is made of (below): a stored run is read for these alone. */
  static final FactFilter READS = new FactFilter(List.of(FactIds.SMOKE_PREFIX.value()), List.of(
      FactIds.HAPPYPATH_DETERMINISM.value(), FactIds.UPSTREAM_BEHIND.value(), FactIds.UPSTREAM_LAST_MERGE.value()));

  /**
   * One run from its typed facts. Smokes are green when every smoke fact passed and at least one counted tests; the
   * pass rate counts tests, not runs. Only judged facts (smokes, determinism) are read for their status, so a
   * measurement an older version stored as PASS reads the same as today's INFO.
   */
  public static Point of(String time, String commit, RunFacts facts) {
    Map<String, RunFacts.Entry> smokes = facts.withPrefix(FactIds.SMOKE_PREFIX);
    boolean measured = smokes.values().stream().anyMatch(e -> e.value() instanceof Value.Tests);
    boolean green = measured && smokes.values().stream().allMatch(e -> e.status() == Status.PASS);
    long passed = 0;
    long ran = 0;
    for (RunFacts.Entry e : smokes.values()) {
      if (e.value() instanceof Value.Tests t) {
        passed += t.passed();
        ran += t.passed() + t.failed() + t.errors();
      }
    }
    Optional<RunFacts.Entry> determinism = facts.get(FactIds.HAPPYPATH_DETERMINISM);
    boolean flaky = determinism.map(e -> e.status() == Status.FAIL).orElse(false);
    List<String> flakyTests = determinism.map(RunFacts.Entry::value).filter(v -> v instanceof Value.Items)
        .map(v -> testIds(((Value.Items) v).items())).orElse(List.of());
    return new Point(time, commit, green, measured, facts.count(FactIds.UPSTREAM_BEHIND).orElse(null), flaky,
        ran == 0 ? null : (double) passed / ran, flakyTests, facts.text(FactIds.UPSTREAM_LAST_MERGE).orElse(""));
  }

  /**
   * The determinism fact's entries, as test ids. Its collector lists each as the test id and its outcome per run
   * ("tests/x.py::t (passed, failed)"); the id is the entry's first item (a test id; in a run recorded before items
   * were typed, the one code span).
   */
  private static List<String> testIds(List<Phrase> items) {
    return items.stream().map(i -> i.first(Phrase.Kind.TEST_ID).or(() -> i.first(Phrase.Kind.CODE))
        .orElse(i.plain())).toList();
  }

  /**
   * The trend facts; {@code points} oldest first, this run last. Their command lists the window's runs with the
   * numbers the trends summarise (each run's smokes and commits behind upstream), from the history file the config
   * names ({@code dbPath}); a query of run ids and exit codes showed none of them.
   */
  public static List<Fact> facts(List<Point> points, String dbPath) {
    Evidence ev = Evidence.ofCommand("forkstate history --limit " + WINDOW);
    List<Fact> out = new ArrayList<>();
    out.add(Fact.of(FactIds.HISTORY_RUNS, Status.INFO, new Value.Count(points.size()), Noun.count(points.size(), "run")
        + " in the window (this one included), since " + points.get(0).time(), ev));
    List<Point> measured = points.stream().filter(Point::smokesMeasured).toList();
    if (measured.isEmpty()) {
      out.add(Fact.unknown(FactIds.HISTORY_SMOKE_PASS_RATE, "no run in the window counted smoke tests", ev));
    } else {
      long green = measured.stream().filter(Point::smokesGreen).count();
      out.add(new Fact(FactIds.HISTORY_SMOKE_PASS_RATE, Status.INFO,
          new Value.Count(Math.round(100.0 * green / measured.size())), "smokes green in " + green + " of "
          + Noun.count(measured.size(), "run") + " (" + Math.round(100.0 * green / measured.size()) + "%)", "",
          List.of(ev)));
    }
    List<Long> behind = points.stream().map(Point::behind).filter(java.util.Objects::nonNull).toList();
    if (behind.isEmpty()) {
      out.add(Fact.unknown(FactIds.HISTORY_BEHIND, "no run in the window measured upstream drift", ev));
    } else {
      long first = behind.get(0);
      long last = behind.get(behind.size() - 1);
      List<String> shown = behind.stream().map(String::valueOf).toList();
      out.add(new Fact(FactIds.HISTORY_BEHIND, Status.INFO, new Value.Series(behind),
          "commits behind upstream, oldest to newest run: " + String.join(" → ", shown)
          + (last > first ? " (drifting: +" + (last - first) + ")" : ""), "", List.of(ev)));
    }
    long flaky = points.stream().filter(Point::flaky).count();
    if (measured.isEmpty()) {
      // No run counted smoke tests, so none could be seen to flip: not "no flaky smokes".
      out.add(Fact.unknown(FactIds.HISTORY_FLAKY, "no run in the window counted smoke tests", ev));
      drift(points, ev).ifPresent(out::add);
      sinceUpstream(points.get(points.size() - 1), ev).ifPresent(out::add);
      return out;
    }
    java.util.TreeSet<String> seen = new java.util.TreeSet<>();
    points.forEach(p -> seen.addAll(p.flakyTests()));
    out.add(new Fact(FactIds.HISTORY_FLAKY, flaky == 0 ? Status.PASS : Status.WARN,
        new Value.Paths(List.copyOf(seen)), flaky == 0 ? Phrase.of("no flaky smokes in the window")
        : Phrase.of("flaky smokes in " + flaky + " of " + Noun.count(points.size(), "run") + (seen.isEmpty() ? ""
        : ": ")).then(Phrase.items(Phrase.Kind.TEST_ID, List.copyOf(seen), ", ")), Phrase.empty(), List.of(ev)));
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
      return java.util.Optional.of(new Fact(FactIds.HISTORY_DRIFT_PER_WEEK, Status.INFO, Value.none(),
          "runs in the window span less than a day: no weekly rate yet", "", List.of(ev)));
    }
    double perWeek = (b.behind() - a.behind()) / days * 7;
    // Growing drift is a warning; a steady or shrinking one is a measurement that judges nothing (no PASS badge).
    return java.util.Optional.of(new Fact(FactIds.HISTORY_DRIFT_PER_WEEK, perWeek > 0 ? Status.WARN
        : Status.INFO, new Value.Text(String.format(java.util.Locale.ROOT, "%.1f", perWeek)), String.format(
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
    if (days < 0) {
      // The clock and the commit dates disagree (a wrong clock, SOURCE_DATE_EPOCH in the past, committer dates in the
      // future): no age can be told, and "-435 days" must not be judged a PASS.
      return java.util.Optional.of(new Fact(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, Status.UNKNOWN, Value.none(),
          "commit dates are after the report date: upstream code came in " + now.upstreamIn() + ", the run is dated "
          + now.time().substring(0, 10), "check the machine's clock (or SOURCE_DATE_EPOCH) and the commit dates",
          List.of(ev)));
    }
    return java.util.Optional.of(new Fact(FactIds.HISTORY_DAYS_SINCE_UPSTREAM, Status.INFO, new Value.Count(days),
        Noun.count(days, "day") + " since upstream code last came in ("
        + now.upstreamIn() + ")", "", List.of(ev)));
  }
}
