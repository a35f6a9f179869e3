package dev.forkstate.verify;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.CommandWords;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.config.ConfigLoader;
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
import java.util.regex.Pattern;

/**
 * Checks claims against the repository. A cited name is resolved before it is judged (git ref, path at HEAD, Python
 * module under the project's packages); only a name that resolves to nothing where its kind says it should exist is
 * FALSE, and a name of no known kind is not a claim. Programs are looked up on PATH, scripts and test paths at HEAD,
 * Python code with the scanner, branches against the refs, and status claims by running the command when it is a
 * configured smoke command or when the user allowed it with --run. Without a measurement the verdict is UNVERIFIABLE,
 * never TRUE.
 */
public final class ClaimChecker {
  /** File extensions that say a name is a file, so a missing one is a missing file. */
  private static final Pattern FILE_NAME = Pattern.compile(".*\\.(md|py|yml|yaml|json|toml|sh|txt|cfg|ini|js|ts|"
      + "java|xml|lock|ipynb|rst|csv)$");

  private final CollectContext ctx;
  private final String configInRepo;
  private final Map<String, Fact> pathFacts = new HashMap<>();
  private final NameResolver names;
  private final StatusCheck statuses;
  private final SymbolCheck symbols;
  private final BranchCheck branches;
  private final PullRequestCheck pulls;
  private final AbsenceCheck absences;
  /** Per line, the names it says are absent: a command on that line that names one is cited to show the absence. */
  private final Map<Integer, Set<String>> absentOnLine = new HashMap<>();
  private final boolean runAllowed;

  /** @param configInRepo the settings file verify read, relative to the repository; null when outside or absent */
  public ClaimChecker(CollectContext ctx, boolean runAllowed, String configInRepo) {
    this.ctx = ctx;
    this.runAllowed = runAllowed;
    this.configInRepo = configInRepo;
    this.names = new NameResolver(ctx.git());
    this.statuses = new StatusCheck(ctx, runAllowed, names);
    this.symbols = new SymbolCheck(ctx, names);
    this.branches = new BranchCheck(ctx, names);
    this.pulls = new PullRequestCheck(ctx);
    this.absences = new AbsenceCheck(pathFacts, names, symbols);
  }

  public ClaimChecker(CollectContext ctx, boolean runAllowed) {
    this(ctx, runAllowed, null);
  }

  /** The verdicts, in line order; a cited name of no known kind is left out (it is not a claim). */
  public List<CheckedClaim> check(List<Claim> claims) {
    classifyPaths(claims);
    List<CheckedClaim> out = new ArrayList<>();
    for (Claim c : claims) {
      CheckedClaim checked = switch (c.kind()) {
        case PATH, REFERENCE -> path(c);
        case ABSENT -> absences.check(c);
        case COMMAND -> command(c);
        case STATUS -> status(c);
        case CI_STATUS -> statuses.ci(c, c.command());
        case PROSE_STATUS -> statuses.prose(c);
        // A name in a line that reports a problem is context, not a claim that it exists.
        case SYMBOL -> symbols.check(c).filter(s -> !(c.reportsProblem() && s.verdict() == Verdict.FALSE))
            .orElse(null);
        case BRANCH_STATUS -> branches.status(c);
        case PRS_PREPARED -> branches.prepared(c);
        case PULL_REQUEST -> pulls.check(c);
        case PROMPT -> c.line() > 0 ? new CheckedClaim(c, Verdict.TRUE, "quoted verbatim", "")
            : new CheckedClaim(c, Verdict.FALSE, "the prompt is not quoted verbatim anywhere in the report", "");
        case SECTION -> c.line() > 0 ? new CheckedClaim(c, Verdict.TRUE, "section present", "")
            : new CheckedClaim(c, Verdict.FALSE, "required section missing", "");
      };
      if (checked != null) {
        out.add(checked);
      }
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
      if (c.kind() == Claim.Kind.PATH || c.kind() == Claim.Kind.REFERENCE) {
        paths.add(c.subject());
      } else if (c.kind() == Claim.Kind.ABSENT) {
        absentOnLine.computeIfAbsent(c.line(), l -> new TreeSet<>()).add(c.subject());
        if (SymbolSpan.of(c.subject()).isEmpty()) {
          paths.add(c.subject());
        }
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
    String name = c.subject();
    Fact f = pathFacts.get(name);
    if (ReferenceCollector.isAtHead(f)) {
      return new CheckedClaim(c, Verdict.TRUE, f.summaryPhrase(), f.command());
    }
    if (name.equals(configInRepo)) {
      // The settings file forkstate read: a report names it as the source of its settings, committed or not.
      return new CheckedClaim(c, Verdict.TRUE, Phrase.of(Phrase.Kind.PATH, name).then(" is the settings file "
          + "forkstate read"), "ls -l " + name);
    }
    if (name.contains("@")) {
      return null; // owner/action@v3, package@1.2: a versioned reference, not a name in this repository
    }
    var ref = names.ref(name);
    if (ref.isPresent()) {
      return new CheckedClaim(c, Verdict.TRUE, Phrase.of("a " + ref.get().kind() + ": ")
          .then(Phrase.Kind.REF, ref.get().target().replaceFirst("^refs/", "")), ref.get().command());
    }
    if (!FILE_NAME.matcher(name).matches() || name.endsWith(".py")) {
      var module = names.moduleFile(name.endsWith(".py") ? name.substring(0, name.length() - 3) : name);
      if (module.isPresent() && !name.endsWith(".py")) {
        return new CheckedClaim(c, Verdict.TRUE, Phrase.of("a Python module: ").then(Phrase.Kind.PATH, module.get()),
            NameResolver.treeCommand(module.get()));
      }
    }
    if (name.equals(ConfigLoader.FILE_NAME) && !Files.exists(ctx.repo().resolve(name))) {
      return null; // forkstate's own settings file, named as where a setting would go
    }
    boolean onDisk = Files.exists(ctx.repo().resolve(name));
    boolean meantAsPath = onDisk || c.kind() == Claim.Kind.REFERENCE || FILE_NAME.matcher(name).matches()
        || names.underTopFolder(name) || parentModule(name);
    // "**UNKNOWN** job x calls `./.github/workflows/y.yml`": a line that reports a problem names what its tool's
    // message names; it does not claim the name exists, so a name that resolves to nothing is no claim there.
    boolean claimsExistence = !c.reportsProblem();
    if (names.startsWithRemote(name)) {
      return !claimsExistence ? null : new CheckedClaim(c, Verdict.FALSE, Phrase.of("no remote-tracking branch ")
          .then(Phrase.Kind.REF, name), "git branch -r");
    }
    if (!meantAsPath) {
      return null; // a model prefix (anthropic/), a URL route, a word: no kind says it must exist here
    }
    if (!names.treeKnown() && !onDisk) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "the HEAD tree could not be listed whole", f.command());
    }
    String upstream = ctx.settings().upstreamRef().value();
    if (upstream != null && ctx.git().run("cat-file", "-e", upstream + ":" + name).ok()) {
      // A file the fork deleted (or never took) that upstream has: a report naming it (a conflict, a deleted file)
      // names something real.
      return new CheckedClaim(c, Verdict.TRUE, Phrase.of(Phrase.Kind.PATH, name).then(" exists at ")
          .then(Phrase.Kind.REF, upstream).then(", not at HEAD"), "git ls-tree -r --name-only " + upstream + " -- "
          + dev.forkstate.fact.ShellQuote.quote(name));
    }
    return !claimsExistence ? null : new CheckedClaim(c, Verdict.FALSE, f.reason().isBlank() ? f.summaryPhrase()
        : f.summaryPhrase().then(" (").then(f.reasonPhrase()).then(")"), f.command());
  }

  /** The name's parent is a module of the project ("extras/nope" where extras is a package): a module path. */
  private boolean parentModule(String name) {
    String n = name.replaceAll("/+$", "");
    int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('.'));
    return cut > 0 && names.moduleFile(n.substring(0, cut)).isPresent();
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
    Set<String> absent = absentOnLine.getOrDefault(c.line(), Set.of());
    for (String p : namedPaths(c.command())) {
      Fact f = pathFacts.get(p);
      if (!ReferenceCollector.isAtHead(f) && !absent.contains(p)) {
        Phrase names = Phrase.of("names " + p + ", which ").then(f.summaryPhrase().afterSubject());
        return c.reportsProblem() ? new CheckedClaim(c, Verdict.UNVERIFIABLE, names.then(": the line reports a "
            + c.badge() + ", which a missing path may be"), f.command())
            : new CheckedClaim(c, Verdict.FALSE, names, f.command());
      }
    }
    List<String> shownAbsent = namedPaths(c.command()).stream().filter(absent::contains).toList();
    return new CheckedClaim(c, Verdict.TRUE, program + " is installed; " + (shownAbsent.isEmpty()
        ? "every path it names is committed" : "it looks for " + String.join(", ", shownAbsent) + ", which the line "
        + "says is absent (checked as such)"), "command -v " + program);
  }

  private CheckedClaim status(Claim c) {
    boolean failing = c.badge() == Status.FAIL; // "**FAIL** Smokes: 11 passed, 3 failed · `pytest`" claims failures
    for (String p : namedPaths(c.command())) {
      Fact f = pathFacts.get(p);
      if (!ReferenceCollector.isAtHead(f)) {
        Phrase cannotPass = Phrase.of("claims \"" + c.subject() + "\", " + (failing ? "and " : "but ") + p + " ")
            .then(f.summaryPhrase().afterSubject()).then(": the command cannot pass on a clean checkout");
        return new CheckedClaim(c, failing ? Verdict.TRUE : Verdict.FALSE, cannotPass, f.command());
      }
    }
    boolean configured = ctx.settings().smokes().stream().anyMatch(s -> s.command().equals(c.command()));
    if (!configured && !runAllowed) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "not run: it is not a configured smoke command; pass --run "
          + "to run it", c.command());
    }
    Fact result = statuses.ran(c.command());
    if (failing) {
      return statuses.failures(c, result);
    }
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

  private static String program(String command) {
    return CommandWords.program(command);
  }

}
