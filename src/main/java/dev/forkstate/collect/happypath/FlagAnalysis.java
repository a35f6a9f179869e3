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

  private FlagAnalysis() {}

  /** What a new setting is, by use: judged as a flag, or listed apart as a credential or a test-only setting. */
  enum Setting { FLAG, CREDENTIAL, TEST_ONLY }

  /** {@code credentials} and {@code testOnly}: new settings that are not flags, each a line of its own. */
  record Result(List<Candidate> newFlags, List<Candidate> changedDefaults, List<Candidate> newImports,
      List<Candidate> credentials, List<Candidate> testOnly) {}

  /**
   * The class of one new setting. {@code uses}: what the non-test code does with its value (none when untraced).
   * Only a credential's name ({@link CredentialName}) whose value is handed on and never compared is a credential;
   * an untraced one stays a flag, so a switch named like a secret is never let through unjudged.
   */
  static Setting classify(String name, boolean envVar, boolean onlyInTests, Set<ValueUse> uses) {
    if (onlyInTests) {
      return Setting.TEST_ONLY;
    }
    return CredentialName.looksLike(name, envVar) && ValueUse.onlyPassedOn(uses) ? Setting.CREDENTIAL : Setting.FLAG;
  }

  /** The lines, by class, as they are being gathered. */
  private record Lines(List<Candidate> flags, List<Candidate> credentials, List<Candidate> testOnly) {
    Lines() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void add(Setting s, Phrase text, Set<ValueUse> uses, List<String> keys, String name, boolean envVar) {
      switch (s) {
        case FLAG -> flags.add(new Candidate(text.then(CredentialName.looksLike(name, envVar) ? why(uses) : ""),
            keys));
        case CREDENTIAL -> credentials.add(new Candidate(text.then(": its value is handed on, never compared"),
            keys));
        case TEST_ONLY -> testOnly.add(new Candidate(text, keys));
      }
    }

    /** A flag named like a credential says why it is still a flag. */
    private static String why(Set<ValueUse> uses) {
      return uses.contains(ValueUse.COMPARED) ? " (named like a secret, but compared or parsed: a switch)"
          : uses.contains(ValueUse.PASSED) ? "" : uses.isEmpty()
          ? " (named like a secret; how its value is used was not traced)"
          : " (named like a secret, but only tested for being set: a switch)";
    }
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
    List<Candidate> imports = new ArrayList<>();
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
              .then(" read in ").then(PATH, c.path()), uses, List.of(env), env, true);
        }
      }
      for (String opt : after.cli()) {
        if (!before.cli().contains(opt) && !upstreamHas.contains(opt)) {
          Set<ValueUse> uses = ValueUse.in(after.uses().cli(), opt);
          lines.add(classify(optionName(opt), false, test, uses), Phrase.of("CLI option ").then(NAME, opt)
              .then(" in ").then(PATH, c.path()), uses, List.of(opt), optionName(opt), false);
        }
      }
      if (!c.added()) {
        parameters(c, before, after, lines, defaults, test);
      }
      for (String pkg : after.topImports()) {
        // Whether the package is optional (so that this import breaks the module without it) is the policy's call.
        if (!before.topImports().contains(pkg)) {
          imports.add(new Candidate(Phrase.of("package ").then(NAME, pkg)
              .then(" imported unguarded at module level in ").then(PATH, c.path()).then(": importing ")
              .then(NAME, c.module()).then(" fails without it"), List.of(pkg)));
        }
      }
    }
    return new Result(sorted(lines.flags()), sorted(defaults), sorted(imports), sorted(lines.credentials()),
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
          lines.add(classify(p.name(), false, test, uses), Phrase.of("parameter ").then(NAME, qual + "("
              + p.name() + ")").then(" added in ").then(PATH, c.path()), uses, List.of(p.name(), qual + "("
              + p.name() + ")", full + "(" + p.name() + ")"), p.name(), false);
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
