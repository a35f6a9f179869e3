package dev.forkstate.collect.happypath;

import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.collect.python.PyModule;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value.Candidate;
import dev.forkstate.secret.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The happy-path reading of the fork's Python changes, pure: new flags (environment variables read, public
 * parameters added, CLI options declared), changed public defaults (and removed parameters), and packages the fork
 * now imports unguarded at module level. Each finding is one line that names where it is, with the names an
 * allowance may match; which of them break a rule is judged in the check package.
 */
final class FlagAnalysis {
  private static final Set<String> RECEIVERS = Set.of("self", "cls");

  private FlagAnalysis() {}

  record Result(List<Candidate> newFlags, List<Candidate> changedDefaults, List<NewImport> newImports) {}

  /** Candidate new names (env vars, CLI options) before the upstream-wide search removes those upstream has. */
  static Set<String> candidates(List<PyFileChange> changes) {
    Set<String> out = new TreeSet<>();
    for (PyFileChange c : changes) {
      if (c.after() == null) {
        continue;
      }
      PyModule before = c.before() == null ? PyModule.EMPTY : c.before();
      c.after().env().stream().filter(e -> !before.env().contains(e)).forEach(out::add);
      c.after().cli().stream().filter(o -> !before.cli().contains(o)).forEach(out::add);
    }
    return out;
  }

  /**
   * @param upstreamHas the candidate names that also occur in upstream's Python code (not new, then)
   */
  static Result analyse(List<PyFileChange> changes, Set<String> upstreamHas) {
    List<Candidate> flags = new ArrayList<>();
    List<Candidate> defaults = new ArrayList<>();
    List<NewImport> imports = new ArrayList<>();
    for (PyFileChange c : changes) {
      if (c.after() == null || !c.after().parsed()) {
        continue;
      }
      PyModule before = c.before() == null || !c.before().parsed() ? PyModule.EMPTY : c.before();
      PyModule after = c.after();
      for (String env : after.env()) {
        // A credential (OPENAI_API_KEY) is configuration the user must supply, not a behaviour switch.
        if (!before.env().contains(env) && !upstreamHas.contains(env) && !Redactor.looksSecret(env)) {
          flags.add(new Candidate(Phrase.of("env var ").then(NAME, env).then(" read in ").then(PATH, c.path()),
              List.of(env)));
        }
      }
      for (String opt : after.cli()) {
        if (!before.cli().contains(opt) && !upstreamHas.contains(opt)) {
          flags.add(new Candidate(Phrase.of("CLI option ").then(NAME, opt).then(" in ").then(PATH, c.path()),
              List.of(opt)));
        }
      }
      if (!c.added()) {
        parameters(c, before, after, flags, defaults);
      }
      for (String pkg : after.topImports()) {
        // Whether the package is optional (so that this import breaks the module without it) is judged later.
        if (!before.topImports().contains(pkg)) {
          imports.add(NewImport.of(pkg, after.importPaths(), c.path(), c.module()));
        }
      }
    }
    imports.sort(java.util.Comparator.comparing(NewImport::file).thenComparing(NewImport::pkg));
    return new Result(sorted(flags), sorted(defaults), List.copyOf(imports));
  }

  private static void parameters(PyFileChange c, PyModule before, PyModule after, List<Candidate> flags,
      List<Candidate> defaults) {
    for (Map.Entry<String, List<PyModule.Param>> fn : after.functions().entrySet()) {
      List<PyModule.Param> old = before.functions().get(fn.getKey());
      if (old == null) {
        continue; // a new function is new API, not a new switch on existing API
      }
      String qual = fn.getKey();
      String full = c.module() + ":" + qual;
      Map<String, PyModule.Param> oldByName = byName(old);
      Map<String, PyModule.Param> newByName = byName(fn.getValue());
      for (PyModule.Param p : fn.getValue()) {
        if (RECEIVERS.contains(p.name())) {
          continue;
        }
        PyModule.Param was = oldByName.get(p.name());
        if (was == null) {
          flags.add(new Candidate(Phrase.of("parameter ").then(NAME, qual + "(" + p.name() + ")").then(" added in ")
              .then(PATH, c.path()), List.of(p.name(), qual + "(" + p.name() + ")", full + "(" + p.name() + ")")));
        } else if (!Objects.equals(was.defaultSource(), p.defaultSource())) {
          defaults.add(new Candidate(Phrase.of("default of ").then(NAME, full + "(" + p.name() + ")")
              .then(" changed: ").then(show(was.defaultSource())).then(" → ").then(show(p.defaultSource())),
              List.of(full + "(" + p.name() + ")", qual + "(" + p.name() + ")")));
        }
      }
      for (PyModule.Param p : old) {
        if (!RECEIVERS.contains(p.name()) && !newByName.containsKey(p.name())) {
          defaults.add(new Candidate(Phrase.of("parameter ").then(NAME, full + "(" + p.name() + ")")
              .then(" removed: callers passing it break"),
              List.of(full + "(" + p.name() + ")", qual + "(" + p.name() + ")")));
        }
      }
    }
  }

  /** A default as its source text; a parameter without one is required. */
  private static Phrase show(String source) {
    return source == null ? Phrase.of("(required)") : Phrase.of(CODE, source);
  }

  private static Map<String, PyModule.Param> byName(List<PyModule.Param> ps) {
    Map<String, PyModule.Param> m = new HashMap<>();
    ps.forEach(p -> m.put(p.name(), p));
    return m;
  }

  private static List<Candidate> sorted(List<Candidate> items) {
    return items.stream().sorted(java.util.Comparator.comparing(c -> c.text().plain())).toList();
  }
}
