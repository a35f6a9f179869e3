package dev.forkstate.collect.happypath;

import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.collect.python.PyModule;
import dev.forkstate.collect.python.ValueUse;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Value.Candidate;
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
 *
 * <p>Each new env var, parameter or CLI option is classified by its use ({@link Setting}), never dropped: a
 * credential (named like a secret and only handed on as a value) and a test-only one (read only in test files) are
 * listed apart; everything else is a flag, whatever its name: {@code JIRA_AUTH_TYPE == "basic"} is a switch.
 */
final class FlagAnalysis {
  private static final Set<String> RECEIVERS = Set.of("self", "cls");
  private static final Set<String> BOOLEAN_DEFAULTS = Set.of("True", "False");

  private FlagAnalysis() {}

  /** What a new setting is, by use: judged as a flag, or listed apart as a credential or a test-only setting. */
  enum Setting { FLAG, CREDENTIAL, TEST_ONLY }

  /** {@code credentials} and {@code testOnly}: new settings that are not flags, each a line of its own. */
  record Result(List<Candidate> newFlags, List<Candidate> changedDefaults, List<NewImport> newImports,
      List<Candidate> credentials, List<Candidate> testOnly) {}

  /**
   * The class of one new setting. {@code uses}: what the non-test code does with its value (none when untraced).
   * Only a credential's name ({@link CredentialName}) whose value is handed on or checked for being set (a required
   * key: {@code if not key: exit}), and never compared or parsed, is a credential; an untraced one stays a flag, so
   * a switch named like a secret is never let through unjudged.
   */
  static Setting classify(String name, boolean envVar, boolean onlyInTests, Set<ValueUse> uses) {
    if (onlyInTests) {
      return Setting.TEST_ONLY;
    }
    return CredentialName.looksLike(name, envVar) && ValueUse.neverCompared(uses) ? Setting.CREDENTIAL : Setting.FLAG;
  }

  /** The lines, by class, as they are being gathered. */
  private record Lines(List<Candidate> flags, List<Candidate> credentials, List<Candidate> testOnly) {
    Lines() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** {@code uses}: what shows in the line; a flag's {@code note} says why a secret-like name is still a flag. */
    void add(Setting s, Phrase text, Set<ValueUse> uses, String note, List<String> keys) {
      switch (s) {
        case FLAG -> flags.add(new Candidate(text.then(note), keys));
        case CREDENTIAL -> credentials.add(new Candidate(text.then(uses.contains(ValueUse.PASSED)
            ? ": its value is handed on, never compared" : ": only checked for being set, never compared"), keys));
        case TEST_ONLY -> testOnly.add(new Candidate(text, keys));
      }
    }
  }

  /** Why a setting named like a credential is a flag: compared or parsed, or its use was not traced. */
  private static String note(String name, boolean envVar, Set<ValueUse> uses) {
    if (!CredentialName.looksLike(name, envVar)) {
      return "";
    }
    return uses.contains(ValueUse.COMPARED) ? " (named like a secret, but compared or parsed: a switch)"
        : " (named like a secret; how its value is used was not traced)";
  }

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
    Lines lines = new Lines();
    List<Candidate> defaults = new ArrayList<>();
    List<NewImport> imports = new ArrayList<>();
    EnvUses envUses = EnvUses.of(changes);
    for (PyFileChange c : changes) {
      if (c.after() == null || !c.after().parsed()) {
        continue;
      }
      PyModule before = c.before() == null || !c.before().parsed() ? PyModule.EMPTY : c.before();
      PyModule after = c.after();
      boolean test = TestPaths.isTest(c.path());
      for (String env : after.env()) {
        if (!before.env().contains(env) && !upstreamHas.contains(env)) {
          Set<ValueUse> uses = envUses.uses(env);
          lines.add(classify(env, true, envUses.testOnly(env), uses), Phrase.of("env var ").then(NAME, env)
              .then(" read in ").then(PATH, c.path()), uses, note(env, true, uses), List.of(env));
        }
      }
      for (String opt : after.cli()) {
        if (!before.cli().contains(opt) && !upstreamHas.contains(opt)) {
          Set<ValueUse> uses = ValueUse.in(after.uses().cli(), opt);
          lines.add(classify(optionName(opt), false, test, uses), Phrase.of("CLI option ").then(NAME, opt)
              .then(" in ").then(PATH, c.path()), uses, note(optionName(opt), false, uses), List.of(opt));
        }
      }
      if (!c.added()) {
        parameters(c, before, after, lines, defaults, test);
      }
      for (String pkg : after.topImports()) {
        // Whether the package is optional (so that this import breaks the module without it) is judged later.
        if (!before.topImports().contains(pkg)) {
          imports.add(NewImport.of(pkg, after.importPaths(), c.path(), c.module()));
        }
      }
    }
    imports.sort(java.util.Comparator.comparing(NewImport::file).thenComparing(NewImport::pkg));
    return new Result(sorted(lines.flags()), sorted(defaults), List.copyOf(imports), sorted(lines.credentials()),
        sorted(lines.testOnly()));
  }

  /** "--api-key" is the setting api_key: its name parts, as an env var's, say whether it looks secret. */
  private static String optionName(String opt) {
    String bare = opt.split("/")[0].replaceFirst("^-+", "");
    return bare.replace('-', '_');
  }

  private static void parameters(PyFileChange c, PyModule before, PyModule after, Lines lines,
      List<Candidate> defaults, boolean test) {
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
          Set<ValueUse> uses = after.uses().param(qual, p.name());
          // A True/False default makes a parameter a switch whatever its name (include_password=False).
          boolean switchDefault = BOOLEAN_DEFAULTS.contains(String.valueOf(p.defaultSource())) && !test;
          String shown = qual + "(" + p.name() + ")";
          lines.add(switchDefault ? Setting.FLAG : classify(p.name(), false, test, uses), Phrase.of("parameter ")
              .then(NAME, shown).then(" added in ").then(PATH, c.path()), uses, switchDefault ? ""
              : note(p.name(), false, uses), List.of(p.name(), shown, full + "(" + p.name() + ")"));
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
