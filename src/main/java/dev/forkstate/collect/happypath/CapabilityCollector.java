package dev.forkstate.collect.happypath;

import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;
import static dev.forkstate.fact.Phrase.Kind.TEST_ID;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.python.PyModule;
import dev.forkstate.collect.python.PythonScanner;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks each capability the config claims against its evidence: paths committed at HEAD, Python symbols defined
 * at HEAD (module:qualname, read by the scanner), env flags read somewhere in the Python code at HEAD, and tests
 * that passed in this run's smokes. VERIFIED (PASS) when every piece holds, PARTIAL (WARN) when some do, UNVERIFIED
 * (FAIL) when none do or no evidence is given. Runs after the smokes, whose outcomes it reads.
 */
public final class CapabilityCollector implements Collector {
  private final List<Fact> measured;

  public CapabilityCollector(List<Fact> measured) {
    this.measured = List.copyOf(measured);
  }

  @Override
  public String name() {
    return "capabilities";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.CAPABILITIES_CLAIMED));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    List<Settings.Capability> caps = ctx.settings().capabilities();
    if (caps == null) {
      return List.of(Fact.skipped(FactIds.CAPABILITIES_CLAIMED, "no capabilities listed in forkstate.yml: the section "
          + "lists what the fork added (forkstate init proposes a list)"));
    }
    Set<String> paths = new TreeSet<>();
    caps.forEach(c -> paths.addAll(c.paths()));
    Map<String, Fact> pathFacts = ReferenceCollector.classify(ctx, "capability", paths);
    Map<String, String> testOutcomes = testOutcomes();
    Symbols symbols = new Symbols(ctx);
    Map<String, Boolean> envRead = new HashMap<>();
    List<Fact> facts = new ArrayList<>();
    for (Settings.Capability cap : caps) {
      List<Phrase> ok = new ArrayList<>();
      List<Phrase> missing = new ArrayList<>();
      List<Evidence> evidence = new ArrayList<>();
      for (String p : cap.paths()) {
        Fact f = pathFacts.get(p);
        Phrase path = Phrase.of("path ").then(PATH, p);
        // The reference fact says it of the path ("`x` does not exist"): here the path is already named.
        (ReferenceCollector.isAtHead(f) ? ok : missing).add(ReferenceCollector.isAtHead(f) ? path
            : path.then(" ").then(f == null ? Phrase.of("not checked") : f.summaryPhrase().afterSubject()));
        if (f != null && !f.command().isEmpty()) {
          evidence.add(Evidence.ofCommand(f.command()));
        }
      }
      for (String sym : cap.symbols()) {
        Symbols.Found found = symbols.find(sym);
        (found.defined() ? ok : missing).add(Phrase.of("symbol ").then(NAME, sym)
            .then(found.defined() ? "" : " " + found.why()));
        evidence.add(Evidence.ofCommand(found.command()));
      }
      for (String env : cap.env()) {
        boolean read = envRead.computeIfAbsent(env, e -> ctx.git().run("grep", "-q", "-F", "-e", e, "HEAD", "--",
            "*.py").ok());
        (read ? ok : missing).add(Phrase.of("env ").then(NAME, env)
            .then(read ? "" : " is not read anywhere in the Python code"));
        evidence.add(Evidence.ofCommand("git grep -n -F -e " + ShellQuote.quote(env) + " HEAD -- '*.py'"));
      }
      for (String test : cap.tests()) {
        String outcome = testOutcomes.getOrDefault(test, "not run by the smokes");
        (outcome.equals("passed") ? ok : missing).add(Phrase.of("test ").then(TEST_ID, test)
            .then(outcome.equals("passed") ? "" : ": " + outcome));
      }
      measured.stream().filter(f -> FactIds.SMOKE_PREFIX.matches(f.id())).filter(f -> !cap.tests().isEmpty())
          .forEach(f -> f.evidence().stream().findFirst().ifPresent(evidence::add));
      facts.add(judge(cap, ok, missing, evidence));
    }
    return facts;
  }

  private static Fact judge(Settings.Capability cap, List<Phrase> ok, List<Phrase> missing, List<Evidence> ev) {
    FactId id = FactIds.capability(cap.name());
    String what = cap.name() + (cap.description().isBlank() ? "" : ": " + cap.description());
    if (ok.isEmpty() && missing.isEmpty()) {
      return new Fact(id, Status.FAIL, new Value.Items(List.of()), "UNVERIFIED " + what,
          "no evidence listed: add paths, symbols, env or tests", List.of());
    }
    if (ev.isEmpty()) {
      ev = List.of(Evidence.ofCommand("cat forkstate.yml"));
    }
    if (missing.isEmpty()) {
      return new Fact(id, Status.PASS, new Value.Items(ok), "VERIFIED " + what, "", ev);
    }
    return new Fact(id, ok.isEmpty() ? Status.FAIL : Status.WARN, new Value.Items(missing),
        Phrase.of((ok.isEmpty() ? "UNVERIFIED " : "PARTIAL ") + what),
        Phrase.of("not shown: ").then(Phrase.join(missing, "; ")), ev);
  }

  private Map<String, String> testOutcomes() {
    Map<String, String> out = new HashMap<>();
    for (Fact f : measured) {
      if (FactIds.SMOKE_PREFIX.matches(f.id()) && f.value() instanceof Value.Tests t) {
        out.putAll(t.outcomes());
      }
    }
    return out;
  }

  /** Resolves module:qualname to a file at HEAD and reads its definitions with the scanner. */
  private static final class Symbols {
    private final CollectContext ctx;
    private final Map<String, Set<String>> byModule = new HashMap<>();
    private final Map<String, String> fileOf = new HashMap<>();

    Symbols(CollectContext ctx) {
      this.ctx = ctx;
    }

    record Found(boolean defined, String why, String command) {}

    Found find(String symbol) {
      String module = symbol.substring(0, symbol.indexOf(':'));
      String qual = symbol.substring(symbol.indexOf(':') + 1);
      String base = module.replace('.', '/');
      List<String> candidates = List.of(base + ".py", base + "/__init__.py", "src/" + base + ".py",
          "src/" + base + "/__init__.py");
      if (!byModule.containsKey(module)) {
        load(module, candidates);
      }
      String file = fileOf.get(module);
      if (file == null) {
        return new Found(false, "has no module file at HEAD (looked for " + String.join(", ", candidates) + ")",
            "git ls-tree --name-only HEAD -- " + String.join(" ", candidates));
      }
      Set<String> defined = byModule.get(module);
      String cmd = "git grep -n -e " + ShellQuote.quote(qual.substring(qual.lastIndexOf('.') + 1)) + " HEAD -- "
          + ShellQuote.quote(file);
      if (defined == null) {
        return new Found(false, "could not be read: " + file + " did not parse or python3 is missing", cmd);
      }
      return defined.contains(qual) ? new Found(true, "", cmd) : new Found(false, "is not defined in " + file, cmd);
    }

    private void load(String module, List<String> candidates) {
      List<String> args = new ArrayList<>(List.of("ls-tree", "HEAD", "--"));
      args.addAll(candidates);
      CommandResult r = ctx.git().run(args, null);
      byModule.put(module, null);
      for (String line : GitCli.lines(r)) {
        // "<mode> blob <sha>\t<path>"; the first candidate that exists wins, in the order a Python import tries
        String[] meta = line.split("\t", 2);
        String[] parts = meta[0].split(" ");
        if (parts.length == 3 && parts[1].equals("blob")) {
          String path = meta[1];
          if (fileOf.get(module) == null || candidates.indexOf(path) < candidates.indexOf(fileOf.get(module))) {
            fileOf.put(module, path);
            try {
              PyModule m = new PythonScanner(ctx).scan(List.of(parts[2])).modules().get(parts[2]);
              byModule.put(module, m.parsed() ? m.symbols() : null);
            } catch (PythonScanner.Unavailable e) {
              byModule.put(module, null);
            }
          }
        }
      }
    }
  }
}
