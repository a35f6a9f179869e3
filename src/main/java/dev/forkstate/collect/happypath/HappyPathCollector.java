package dev.forkstate.collect.happypath;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.ScratchDir;
import dev.forkstate.collect.python.PyModule;
import dev.forkstate.collect.python.DeclarationReader;
import dev.forkstate.collect.python.DeclaredDependencies;
import dev.forkstate.collect.python.ImportOrigin;
import dev.forkstate.collect.python.PythonScanner;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.Utf8Text;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the happy-path rules need from the fork's own Python changes since the merge-base: the new flags (env vars,
 * public parameters, CLI options), changed public defaults, new unguarded module-level imports, each as a candidate
 * with the names an allowance may match, plus what the repository vouches for itself (the guide's flags, the
 * packages it imports guarded). Measured only: which candidates break a rule is judged in the check package (Judge).
 * Only the Python files that differ are scanned (by the target's python3 and its ast module), each version once per
 * blob: the .py files and the files without an extension that turn out to be Python ({@link PythonFiles}).
 */
public final class HappyPathCollector implements Collector {
  static final List<FactId> IDS = List.of(FactIds.HAPPYPATH_DEFAULTS, FactIds.HAPPYPATH_FLAGS,
      FactIds.HAPPYPATH_IMPORTS, FactIds.PYTHON_ADDED_MODULES, FactIds.PYTHON_CHANGES, FactIds.PYTHON_CREDENTIALS,
      FactIds.PYTHON_GUARDED_IMPORTS, FactIds.PYTHON_TEST_IMPORTS, FactIds.PYTHON_TEST_ONLY_SETTINGS,
      FactIds.PYTHON_DECLARED_DEPENDENCIES, FactIds.TESTS_ADDED_FOLDERS);
  private static final int SYMBOLS_SHOWN = 8;
  /** An env-var-like name in backticks in the guide: the guide documents it (FlagPolicy allows such a flag). */
  private static final Pattern GUIDE_FLAG = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`");
  private static final String ZERO = "0000000000000000000000000000000000000000";

  @Override
  public String name() {
    return "happypath";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(IDS);
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    // What HEAD declares needs no upstream: it is measured even when the diff cannot be. It runs beside the diff's
    // own chain of commands (merge-base, diff, scan), which needs it only to judge the new imports.
    CompletableFuture<DeclaredDependencies> declared = CompletableFuture.supplyAsync(
        () -> new DeclarationReader(ctx.repo(), ctx.git(), ctx.runner(), ctx.pool()).read(), ctx.pool());
    List<Fact> facts = new ArrayList<>(scanned(ctx, declared, SummaryCache.Lookup.start(ctx.repo(), ctx.pool())));
    facts.add(ImportFindings.declaredFact(declared.join()));
    return facts;
  }

  private List<Fact> scanned(CollectContext ctx, CompletableFuture<DeclaredDependencies> declared,
      SummaryCache.Lookup lookup) {
    if (!ctx.settings().upstreamRef().isSet()) {
      return unknown(ctx.noUpstreamRef().plain());
    }
    String upstream = ctx.settings().upstreamRef().value();
    CommandResult mb = ctx.mergeBase(upstream);
    if (!mb.ok() || !mb.stdoutWhole()) {
      return unknown(Phrase.of("no merge-base with ").then(Phrase.Kind.REF, upstream)
          .then(": " + mb.firstErrorLine()), mb.evidence());
    }
    String base = GitCli.firstLine(mb);
    String baseExpr = "$(git merge-base HEAD " + ShellQuote.quote(upstream) + ")";
    List<RawChange> raw;
    CommandResult listed;
    try {
      Path out = ScratchDir.file("forkstate-pydiff", ".txt");
      try {
        // --output: a big fork's list is larger than what forkstate captures from stdout. Every path: a Python
        // script need not end in .py.
        listed = ctx.git().run(List.of("diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--output=" + out,
            base, "HEAD"), "git diff --name-status " + baseExpr + " HEAD");
        // A file name that is not UTF-8 is shown escaped (bad\xe9.py); its content cannot be read back by that
        // name (the scanner counts it as unparsed), but the run goes on.
        raw = listed.ok() ? PythonFiles.candidates(RawChange.parse(Utf8Text.decode(Files.readAllBytes(out))))
            : List.of();
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!listed.ok()) {
      return unknown("git diff failed: " + listed.firstErrorLine(), listed.evidence());
    }
    String key = lookup.key(base, raw); // no setting in it: the summary is measurement only
    Summary summary = lookup.get(key).orElse(null);
    if (summary == null) {
      try {
        summary = summarise(ctx, base, raw);
      } catch (PythonScanner.Unavailable e) {
        List<Fact> facts = new ArrayList<>(unknown(e.getMessage(), e.run().evidence()));
        facts.removeIf(f -> f.id().equals(FactIds.PYTHON_CHANGES));
        facts.add(PythonFiles.changesFact(raw.stream().filter(r -> r.path().endsWith(".py")).toList(), List.of(),
            PythonFiles.listing(listed.evidence(), baseExpr, List.of())));
        return facts;
      }
      lookup.cache().put(key, summary);
    }
    Set<String> python = new HashSet<>(summary.scripts());
    List<RawChange> pyRaw = raw.stream().filter(r -> r.path().endsWith(".py") || python.contains(r.path())).toList();
    Evidence diffShown = Evidence.ofCommand("git diff " + baseExpr + " HEAD -- '*.py'" + summary.scripts().stream()
        .map(p -> " " + ShellQuote.quote(p)).collect(java.util.stream.Collectors.joining()));

    List<Fact> facts = new ArrayList<>();
    facts.add(PythonFiles.changesFact(pyRaw, summary.unparsed(), PythonFiles.listing(listed.evidence(), baseExpr,
        summary.scripts())));
    facts.add(candidates(FactIds.HAPPYPATH_FLAGS, summary.flags(), List.copyOf(guideFlags(ctx)), "new flag", diffShown,
        summary.unparsed()));
    facts.add(NotFlags.credentials(summary.credentials(), diffShown));
    facts.add(NotFlags.testOnly(summary.testOnly(), diffShown));
    facts.add(candidates(FactIds.HAPPYPATH_DEFAULTS, summary.defaults(), List.of(),
        "changed public default or parameter", diffShown, summary.unparsed()));
    // Read each run, not cached: what HEAD declares decides which new imports can be of optional packages.
    ImportFindings imports = new ImportFindings(new ImportOrigin(ctx.repo()), declared.join(),
        summary.guardedAnywhere());
    facts.add(imports.imports(summary.imports(), diffShown, summary.unparsed()));
    facts.add(imports.testImports(summary.imports(), diffShown));
    facts.add(Fact.of(FactIds.PYTHON_ADDED_MODULES, Status.INFO, new Value.Paths(summary.addedModules()),
        Noun.count(summary.addedModules().size(), "Python module") + " the fork added (tests aside)",
        Evidence.ofCommand("git diff --name-only --diff-filter=A " + baseExpr + " HEAD -- '*.py'")));
    List<Phrase> guarded = summary.guardedImports();
    facts.add(Fact.of(FactIds.PYTHON_GUARDED_IMPORTS, Status.INFO, new Value.Items(guarded), guarded.isEmpty()
        ? "no imports newly guarded by the fork" : Noun.count(guarded.size(), "import") + " the fork guards with "
        + "try/except ImportError", diffShown));
    facts.add(addedTestFolders(ctx, base, baseExpr, summary.testDirs()));
    return facts;
  }

  /**
   * What the scan says about this diff, independent of the allowances: cached whole, keyed by the scanner, the
   * merge-base and the diff's blobs, so a rerun on the same commits reads one small file instead of every blob.
   */
  record Summary(List<Value.Candidate> flags, List<Value.Candidate> defaults, List<NewImport> imports,
      List<String> guardedAnywhere, List<String> addedModules, List<Phrase> guardedImports, List<String> unparsed,
      List<String> testDirs, List<Value.Candidate> credentials, List<Value.Candidate> testOnly,
      List<String> scripts) {}

  private static Summary summarise(CollectContext ctx, String base, List<RawChange> raw)
      throws PythonScanner.Unavailable {
    Set<String> blobs = new TreeSet<>();
    raw.forEach(r -> {
      if (!r.oldBlob().equals(ZERO)) {
        blobs.add(r.oldBlob());
      }
      if (!r.newBlob().equals(ZERO)) {
        blobs.add(r.newBlob());
      }
    });
    PythonScanner.Scan scan = new PythonScanner(ctx).scan(blobs);
    List<PyFileChange> changes = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    List<String> scripts = new ArrayList<>();
    for (RawChange r : raw) {
      PyModule before = r.oldBlob().equals(ZERO) ? null : scan.modules().get(r.oldBlob());
      PyModule after = r.newBlob().equals(ZERO) ? null : scan.modules().get(r.newBlob());
      if (!PythonFiles.isPython(r.path(), after != null ? after : before)) {
        continue; // a file without .py that is not Python (a shell script, a Makefile)
      }
      if (!r.path().endsWith(".py")) {
        scripts.add(r.path());
      }
      if (after != null && !after.parsed()) {
        unparsed.add(r.path() + " (" + after.error() + ")");
      }
      changes.add(new PyFileChange(r.path(), before, after));
    }
    Set<String> upstreamHas = upstreamHas(ctx, base, FlagAnalysis.candidates(changes));
    // Dependencies imported under try/except ImportError anywhere in the scanned code: shown as such, never taken as
    // optional on that alone. The standard library (a Python-version fallback) and the repository's own packages
    // are left out.
    ImportOrigin origin = new ImportOrigin(ctx.repo());
    Set<String> guardedAnywhere = new TreeSet<>();
    scan.modules().values().forEach(m -> m.guardedImports().stream().filter(origin::dependency)
        .forEach(guardedAnywhere::add));
    FlagAnalysis.Result result = FlagAnalysis.analyse(changes, upstreamHas);
    Set<String> testDirs = new TreeSet<>();
    for (PyFileChange c : changes) {
      int slash = c.path().lastIndexOf('/');
      if (c.added() && isTest(c.path()) && slash > 0) {
        testDirs.add(c.path().substring(0, slash));
      }
    }
    return new Summary(result.newFlags(), result.changedDefaults(), result.newImports(), List.copyOf(guardedAnywhere),
        addedModules(changes), guardedImports(changes, origin), unparsed, List.copyOf(testDirs),
        result.credentials(), result.testOnly(), List.copyOf(scripts));
  }

  /** What the fork adds as Python files, with their public top-level names: the discovered capabilities. */
  private static List<String> addedModules(List<PyFileChange> changes) {
    List<String> modules = new ArrayList<>();
    for (PyFileChange c : changes) {
      if (!c.added() || c.after() == null || isTest(c.path())) {
        continue;
      }
      List<String> pub = c.after().symbols().stream().filter(n -> !n.contains(".") && !n.startsWith("_"))
          .sorted().toList();
      String shown = pub.stream().limit(SYMBOLS_SHOWN).collect(java.util.stream.Collectors.joining(", "))
          + (pub.size() > SYMBOLS_SHOWN ? ", … (" + pub.size() + ")" : "");
      modules.add(c.path() + (pub.isEmpty() ? "" : ": " + shown));
    }
    return modules;
  }

  /** Imports the fork put under try/except ImportError: the "import-time robustness" it adds. */
  private static List<Phrase> guardedImports(List<PyFileChange> changes, ImportOrigin origin) {
    List<Phrase> guarded = new ArrayList<>();
    for (PyFileChange c : changes) {
      if (c.after() == null) {
        continue;
      }
      PyModule before = c.before() == null ? PyModule.EMPTY : c.before();
      c.after().guardedImports().stream().filter(m -> !before.guardedImports().contains(m) && origin.dependency(m))
          .forEach(m -> guarded.add(Phrase.of(Phrase.Kind.NAME, m).then(" in ").then(Phrase.Kind.PATH, c.path())));
    }
    return guarded;
  }

  /** Folders of test files the fork added that upstream does not have at all. */
  private static Fact addedTestFolders(CollectContext ctx, String base, String baseExpr, List<String> dirs) {
    List<String> fresh = new ArrayList<>();
    for (String dir : dirs) {
      CommandResult r = ctx.git().run("ls-tree", "--name-only", base, "--", dir + "/");
      if (r.ok() && r.stdout().isBlank()) {
        fresh.add(dir + "/");
      }
    }
    return Fact.of(FactIds.TESTS_ADDED_FOLDERS, Status.INFO, new Value.Paths(fresh),
        fresh.isEmpty() ? "no new test folders" : Noun.count(fresh.size(), "new test folder") + ": "
            + String.join(", ", fresh), Evidence.ofCommand("git diff --name-only --diff-filter=A " + baseExpr
            + " HEAD -- '*test*.py'"));
  }

  private static boolean isTest(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py");
  }

  /** One rule's candidates as a measurement (INFO); the policy in the check package says which break the rule. */
  private static Fact candidates(FactId id, List<Value.Candidate> found, List<String> listed, String noun,
      Evidence ev, List<String> unparsed) {
    return Fact.info(id, new Value.Candidates(found, listed, unparsed), Noun.count(found.size(), noun) + " found"
        + (unparsed.isEmpty() ? "" : " in the files that parse"), ev);
  }

  /**
   * Which candidate names upstream's own Python code already contains (one `git grep` for all of them), as whole
   * names: upstream's --destination, --region-name or ACME_MODE_OLD does not make a fork's --dest, --region or
   * ACME_MODE old.
   */
  private static Set<String> upstreamHas(CollectContext ctx, String base, Set<String> candidates) {
    return UpstreamNames.found(ctx.git(), ctx.pool(), base, candidates);
  }

  /** Env-var names the guide shows in backticks (`LITELLM_ROUTER_CORE=extracted`): the flags it documents. */
  static Set<String> guideFlags(CollectContext ctx) {
    Set<String> out = new LinkedHashSet<>();
    GuideText.read(ctx).ifPresent(t -> {
      Matcher m = GUIDE_FLAG.matcher(t);
      while (m.find()) {
        out.add(m.group(1));
      }
    });
    return out;
  }

  private static List<Fact> unknown(Phrase why, Evidence... ev) {
    return IDS.stream().filter(id -> !id.equals(FactIds.PYTHON_DECLARED_DEPENDENCIES))
        .map(id -> Fact.unknown(id, why, ev)).toList();
  }

  private static List<Fact> unknown(String why, Evidence... ev) {
    return unknown(Phrase.of(why), ev);
  }
}
