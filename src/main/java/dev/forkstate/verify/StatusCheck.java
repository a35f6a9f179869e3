package dev.forkstate.verify;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.CommandWords;
import dev.forkstate.collect.ci.CiRunCollector;
import dev.forkstate.collect.ci.GitHubToken;
import dev.forkstate.collect.smoke.SmokeCollector;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Status said without evidence: "All smoke tests pass", "Smokes: 250 passed", "CI is green" next to a workflow, "40%
 * faster", "deterministic". Each is measured when forkstate can (the workflow's test paths at HEAD; with --run, the
 * configured smokes and their counts) and is otherwise UNVERIFIABLE with what would check it: never TRUE unmeasured.
 */
final class StatusCheck {
  private static final Duration GITHUB_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern COUNT = Pattern.compile("(\\d[\\d,]*) (?:tests? )?(passed|fail(?:ures|ed))");

  private final CollectContext ctx;
  private final boolean runAllowed;
  private final NameResolver names;
  private final Map<String, Fact> runs = new HashMap<>();
  private final Map<String, Fact> lastPush = new HashMap<>();

  StatusCheck(CollectContext ctx, boolean runAllowed, NameResolver names) {
    this.ctx = ctx;
    this.runAllowed = runAllowed;
    this.names = names;
  }

  /** The smoke fact of one run of the command, run at most once per verify. */
  Fact ran(String command) {
    return runs.computeIfAbsent(command, cmd -> {
      Settings.Smoke smoke = ctx.settings().smokes().stream().filter(s -> s.command().equals(cmd)).findFirst()
          .orElse(new Settings.Smoke("claim", cmd, Duration.ofMinutes(10), null, "verify --run"));
      return new SmokeCollector().runOne(ctx, smoke);
    });
  }

  /**
   * A command said to fail (a FAIL badge, "3 failed"), run: TRUE when it fails with the failure count said, FALSE when
   * it passes or fails another number of tests, UNVERIFIABLE when the run tells neither.
   */
  CheckedClaim failures(Claim c, Fact result) {
    Phrase ran = Phrase.of("ran it: ").then(result.summaryPhrase());
    if (result.status() == Status.PASS) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("claims failures, but ").then(ran), c.command());
    }
    if (result.status() != Status.FAIL) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("ran it, but cannot tell: " + result.status() + " ")
          .then(result.reason().isBlank() ? result.summaryPhrase() : result.reasonPhrase()), c.command());
    }
    Matcher count = COUNT.matcher(c.subject());
    if (count.find() && result.value() instanceof Value.Tests t
        && Integer.parseInt(count.group(1).replace(",", "")) != t.failed()) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("says " + count.group(0) + "; ").then(ran), c.command());
    }
    return new CheckedClaim(c, Verdict.TRUE, ran, c.command());
  }

  CheckedClaim prose(Claim c) {
    String word = c.subject().toLowerCase(Locale.ROOT);
    if (word.contains("%")) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "a figure with no benchmark command next to it: forkstate "
          + "does not measure speed; cite the command that shows it", "");
    }
    if (word.equals("parity")) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "parity with no command that measures it next to it", "");
    }
    if (word.equals("deterministic")) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "determinism needs the smokes run more than once and "
          + "compared: forkstate generate does (happypath.determinism_runs)", "forkstate generate");
    }
    if (word.matches("(ci|build|pipeline) .*")) {
      return ctx.settings().ciWorkflow().isSet() ? ci(c, ctx.settings().ciWorkflow().value())
          : new CheckedClaim(c, Verdict.UNVERIFIABLE, "no CI workflow is named or configured (ci.workflow)",
              "ls .github/workflows");
    }
    return smokes(c, word);
  }

  private CheckedClaim smokes(Claim c, String word) {
    List<Settings.Smoke> smokes = ctx.settings().smokes();
    if (smokes.isEmpty()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "no command next to it and no smoke configured or detected: "
          + "nothing to run", "");
    }
    String all = String.join(" && ", smokes.stream().map(Settings.Smoke::command).toList());
    if (!runAllowed) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "no command next to it; pass --run to run the configured "
          + "smokes and compare", all);
    }
    int passed = 0;
    int failed = 0;
    // "Smokes: 3 failed" (or a FAIL badge) claims failures: a failing smoke bears it out, all passing contradicts it.
    boolean claimsFailures = ProseClaims.FAILURES.matcher(word).matches();
    boolean anyFailed = false;
    CheckedClaim unknown = null;
    Set<Integer> failureCounts = new TreeSet<>(); // "3 failed" may speak of one smoke: any smoke's count bears it out
    for (Settings.Smoke s : smokes) {
      Fact f = ran(s.command());
      if (f.value() instanceof Value.Tests t) {
        passed += t.passed();
        failed += t.failed() + t.errors();
        failureCounts.addAll(List.of(t.failed(), t.failed() + t.errors()));
      }
      if (f.status() == Status.FAIL && !claimsFailures) {
        return new CheckedClaim(c, Verdict.FALSE, Phrase.of("ran the smoke " + s.name() + ": ")
            .then(f.summaryPhrase()), s.command());
      }
      anyFailed |= f.status() == Status.FAIL;
      if (f.status() != Status.PASS && f.status() != Status.FAIL && unknown == null) {
        unknown = new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("ran the smoke " + s.name() + ", but cannot "
            + "tell: ").then(f.reason().isBlank() ? f.summaryPhrase() : f.reasonPhrase()), s.command());
      }
    }
    // A pass claim needs every smoke measured; a failure claim is borne out by one smoke that failed so.
    if (unknown != null && !(claimsFailures && anyFailed)) {
      return unknown;
    }
    if (claimsFailures && !anyFailed) {
      return new CheckedClaim(c, Verdict.FALSE, "says " + word + "; the configured smokes ran " + passed
          + " passed, " + failed + " failed", all);
    }
    Matcher count = COUNT.matcher(word);
    if (count.find()) {
      int said = Integer.parseInt(count.group(1).replace(",", ""));
      int measured = count.group(2).equals("passed") ? passed : failed;
      if (said != measured && !(claimsFailures && failureCounts.contains(said))) {
        return new CheckedClaim(c, Verdict.FALSE, "says " + said + " " + count.group(2) + "; the configured smokes "
            + "ran " + passed + " passed, " + failed + " failed", all);
      }
    }
    return new CheckedClaim(c, Verdict.TRUE, "ran the configured smokes: " + passed + " passed, " + failed
        + " failed", all);
  }

  /**
   * A workflow said to be green: first from the tree (committed? the test paths its pytest steps name committed?),
   * since a workflow whose tests were never committed cannot pass on a clean checkout; its runs are not read here.
   */
  CheckedClaim ci(Claim c, String workflow) {
    if (!names.atHead(workflow)) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("claims \"" + c.subject() + "\", but ")
          .then(Phrase.Kind.PATH, workflow).then(" is not committed: CI cannot run it"),
          NameResolver.treeCommand(workflow));
    }
    CommandResult text = ctx.git().run("show", "HEAD:" + workflow);
    Set<String> missing = new TreeSet<>();
    for (String line : text.stdout().split("\n")) {
      if (!line.contains("pytest") || line.contains("${{")) {
        continue;
      }
      String cmd = line.strip().replaceFirst("^-\\s*", "").replaceFirst("^run:\\s*", "");
      for (String p : CommandWords.namedPaths(cmd)) {
        String path = p.replaceFirst("::.*$", "");
        if (!names.atHead(path)) {
          missing.add(path);
        }
      }
    }
    String file = workflow.substring(workflow.lastIndexOf('/') + 1);
    String runs = "gh run list --workflow " + ShellQuote.quote(file) + " --event push --limit 1";
    if (!missing.isEmpty() && names.treeKnown()) {
      List<String> shown = new ArrayList<>(missing).subList(0, Math.min(3, missing.size()));
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("claims \"" + c.subject() + "\", but its pytest steps "
          + "name " + missing.size() + " path" + (missing.size() == 1 ? "" : "s") + " not committed at HEAD (")
          .then(Phrase.items(Phrase.Kind.PATH, shown, ", ")).then(missing.size() > 3 ? ", ...)" : ")")
          .then(": on a clean checkout pytest finds no such file, so the run cannot be green"),
          NameResolver.treeCommand(shown.get(0)));
    }
    if (!ctx.offline()) {
      return lastPushRun(c, workflow);
    }
    return new CheckedClaim(c, Verdict.UNVERIFIABLE, "the workflow and the test paths it names are committed; "
        + "offline, its runs are not read", runs);
  }

  /** The newest push run of the workflow on the fork branch, read as generate reads it (ci.run.last-push). */
  private CheckedClaim lastPushRun(Claim c, String workflow) {
    // One lookup per workflow, however often the report calls it green.
    Fact run = lastPush.computeIfAbsent(workflow, wf -> {
      CollectContext one = new CollectContext(ctx.repo(), ctx.settings().withCiWorkflow(wf, "the report"),
          ctx.runner(), false, ctx.git(), ctx.pool(), List.of(), ctx.configFile());
      return new CiRunCollector(api -> GitHubToken.find(ctx.runner().baseEnv(), ctx.runner(), ctx.repo()),
          GITHUB_TIMEOUT).collect(one).stream().filter(f -> f.id().equals(FactIds.CI_RUN_LAST_PUSH)).findFirst()
          .orElseThrow();
    });
    Phrase read = Phrase.of("last push run: ").then(run.summaryPhrase());
    return switch (run.status()) {
      case PASS -> new CheckedClaim(c, Verdict.TRUE, read, run.command());
      case FAIL -> new CheckedClaim(c, Verdict.FALSE, read, run.command());
      default -> new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("the last push run could not be read as "
          + "green: ").then(run.reason().isBlank() ? run.summaryPhrase() : run.reasonPhrase()), run.command());
    };
  }
}
