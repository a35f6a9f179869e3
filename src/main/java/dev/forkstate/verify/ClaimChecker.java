package dev.forkstate.verify;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.CommandWords;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.collect.smoke.SmokeCollector;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks claims against the repository: paths at HEAD (as the reference collector classifies them), programs on
 * PATH, scripts and test paths at HEAD, and status claims by running the command when it is a configured smoke
 * command or when the user allowed it with --run. Without a measurement the verdict is UNVERIFIABLE, never TRUE.
 */
public final class ClaimChecker {
  private final CollectContext ctx;
  private final boolean runAllowed;
  private final Map<String, Fact> pathFacts = new HashMap<>();
  private final Map<String, Fact> runs = new HashMap<>();

  public ClaimChecker(CollectContext ctx, boolean runAllowed) {
    this.ctx = ctx;
    this.runAllowed = runAllowed;
  }

  public List<CheckedClaim> check(List<Claim> claims) {
    classifyPaths(claims);
    List<CheckedClaim> out = new ArrayList<>();
    for (Claim c : claims) {
      out.add(switch (c.kind()) {
        case PATH -> path(c);
        case COMMAND -> command(c);
        case STATUS -> status(c);
        case CI_STATUS -> new CheckedClaim(c, Verdict.UNVERIFIABLE,
            "CI runs are not read by this version of forkstate", "gh run list --workflow <file>");
        case PROMPT -> c.line() > 0 ? new CheckedClaim(c, Verdict.TRUE, "quoted verbatim", "")
            : new CheckedClaim(c, Verdict.FALSE, "the prompt is not quoted verbatim anywhere in the report", "");
        case SECTION -> c.line() > 0 ? new CheckedClaim(c, Verdict.TRUE, "section present", "")
            : new CheckedClaim(c, Verdict.FALSE, "required section missing", "");
      });
    }
    out.sort(java.util.Comparator.comparingInt((CheckedClaim cc) -> cc.claim().line())
        .thenComparing(cc -> cc.claim().kind()).thenComparing(cc -> cc.claim().subject())
        .thenComparing(cc -> cc.claim().command()));
    return out;
  }

  /** Every path any claim needs, classified in one pass by the reference collector. */
  private void classifyPaths(List<Claim> claims) {
    Set<String> paths = new TreeSet<>();
    for (Claim c : claims) {
      if (c.kind() == Claim.Kind.PATH) {
        paths.add(c.subject());
      } else if (c.kind() == Claim.Kind.COMMAND || c.kind() == Claim.Kind.STATUS) {
        paths.addAll(namedPaths(c.command()));
      }
    }
    pathFacts.putAll(ReferenceCollector.classify(ctx, "claim", paths));
  }

  static List<String> namedPaths(String command) {
    return CommandWords.namedPaths(command);
  }

  private CheckedClaim path(Claim c) {
    Fact f = pathFacts.get(c.subject());
    if (ReferenceCollector.isAtHead(f)) {
      return new CheckedClaim(c, Verdict.TRUE, f.summaryPhrase(), f.command());
    }
    // Not a path at HEAD; perhaps a branch such as fork/stable.
    CommandResult ref = ctx.git().run("rev-parse", "--verify", "--quiet", c.subject() + "^{commit}");
    if (ref.ok()) {
      return new CheckedClaim(c, Verdict.TRUE, "a git ref, not a path", ref.display());
    }
    return new CheckedClaim(c, Verdict.FALSE, f.reason().isBlank() ? f.summaryPhrase()
        : f.summaryPhrase().then(" (").then(f.reasonPhrase()).then(")"), f.command());
  }

  private CheckedClaim command(Claim c) {
    String program = program(c.command());
    if (program.contains("/")) {
      Path p = ctx.repo().resolve(program);
      if (!Files.isExecutable(p)) {
        return new CheckedClaim(c, Verdict.FALSE, program + " is not an executable file here", "ls -l " + program);
      }
    } else {
      CommandResult which = ctx.runner().run(CommandSpec.shell("command -v " + ShellQuote.quote(program),
          ctx.repo(), Map.of(), Duration.ofSeconds(10)));
      if (!which.ok()) {
        return new CheckedClaim(c, Verdict.UNVERIFIABLE, program + " is not installed on this machine",
            which.display());
      }
    }
    for (String p : namedPaths(c.command())) {
      Fact f = pathFacts.get(p);
      if (!ReferenceCollector.isAtHead(f)) {
        return new CheckedClaim(c, Verdict.FALSE, Phrase.of("names " + p + ", which ")
            .then(f.summaryPhrase().afterSubject()), f.command());
      }
    }
    return new CheckedClaim(c, Verdict.TRUE, program + " is installed; every path it names is committed",
        "command -v " + program);
  }

  private CheckedClaim status(Claim c) {
    for (String p : namedPaths(c.command())) {
      Fact f = pathFacts.get(p);
      if (!ReferenceCollector.isAtHead(f)) {
        return new CheckedClaim(c, Verdict.FALSE, Phrase.of("claims \"" + c.subject() + "\", but " + p + " ")
            .then(f.summaryPhrase().afterSubject()).then(": the command cannot pass on a clean checkout"),
            f.command());
      }
    }
    boolean configured = ctx.settings().smokes().stream().anyMatch(s -> s.command().equals(c.command()));
    if (!configured && !runAllowed) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "not run: it is not a configured smoke command; pass --run "
          + "to run it", c.command());
    }
    Fact result = runs.computeIfAbsent(c.command(), this::run);
    if (result.status() == Status.PASS) {
      return new CheckedClaim(c, Verdict.TRUE, Phrase.of("ran it: ").then(result.summaryPhrase()), c.command());
    }
    if (result.status() == Status.FAIL) {
      Phrase ran = Phrase.of("ran it: ").then(result.summaryPhrase());
      return new CheckedClaim(c, Verdict.FALSE, result.reason().isBlank()
          || result.reason().equals(result.summary()) ? ran : ran.then(" (").then(result.reasonPhrase()).then(")"),
          c.command());
    }
    return new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("ran it, but cannot tell: " + result.status() + " ")
        .then(result.reason().isBlank() ? result.summaryPhrase() : result.reasonPhrase()), c.command());
  }

  private Fact run(String command) {
    Settings.Smoke smoke = ctx.settings().smokes().stream().filter(s -> s.command().equals(command)).findFirst()
        .orElse(new Settings.Smoke("claim", command, Duration.ofMinutes(10), null, "verify --run"));
    return new SmokeCollector().runOne(ctx, smoke);
  }

  private static String program(String command) {
    return CommandWords.program(command);
  }

}
