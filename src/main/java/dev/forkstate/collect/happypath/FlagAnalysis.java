package dev.forkstate.collect.happypath;

import dev.forkstate.collect.python.PyModule;
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
 * parameters added, CLI options declared), changed public defaults (and removed parameters), and optional packages
 * the fork now imports unguarded at module level. Each finding is one line that names where it is.
 */
final class FlagAnalysis {
  private static final Set<String> RECEIVERS = Set.of("self", "cls");

  private FlagAnalysis() {}

  /** A finding: its line for the report, and the names an allowance may match. */
  record Item(String text, List<String> keys) {}

  record Result(List<Item> newFlags, List<Item> changedDefaults, List<Item> unguardedImports) {}

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
   * @param optional packages known to be optional: configured, or imported under try/except somewhere
   */
  static Result analyse(List<PyFileChange> changes, Set<String> upstreamHas, Set<String> optional) {
    List<Item> flags = new ArrayList<>();
    List<Item> defaults = new ArrayList<>();
    List<Item> imports = new ArrayList<>();
    for (PyFileChange c : changes) {
      if (c.after() == null || !c.after().parsed()) {
        continue;
      }
      PyModule before = c.before() == null || !c.before().parsed() ? PyModule.EMPTY : c.before();
      PyModule after = c.after();
      for (String env : after.env()) {
        // A credential (OPENAI_API_KEY) is configuration the user must supply, not a behaviour switch.
        if (!before.env().contains(env) && !upstreamHas.contains(env) && !Redactor.looksSecret(env)) {
          flags.add(new Item("env var `" + env + "` read in `" + c.path() + "`", List.of(env)));
        }
      }
      for (String opt : after.cli()) {
        if (!before.cli().contains(opt) && !upstreamHas.contains(opt)) {
          flags.add(new Item("CLI option `" + opt + "` in `" + c.path() + "`", List.of(opt)));
        }
      }
      if (!c.added()) {
        parameters(c, before, after, flags, defaults);
      }
      for (String pkg : after.topImports()) {
        if (optional.contains(pkg) && !before.topImports().contains(pkg)) {
          imports.add(new Item("optional package `" + pkg + "` imported unguarded at module level in `" + c.path()
              + "`: importing `" + c.module() + "` fails without it", List.of(pkg)));
        }
      }
    }
    return new Result(sorted(flags), sorted(defaults), sorted(imports));
  }

  private static void parameters(PyFileChange c, PyModule before, PyModule after, List<Item> flags,
      List<Item> defaults) {
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
          flags.add(new Item("parameter `" + qual + "(" + p.name() + ")` added in `" + c.path() + "`",
              List.of(p.name(), qual + "(" + p.name() + ")", full + "(" + p.name() + ")")));
        } else if (!Objects.equals(was.defaultSource(), p.defaultSource())) {
          defaults.add(new Item("default of `" + full + "(" + p.name() + ")` changed: " + show(was.defaultSource())
              + " → " + show(p.defaultSource()), List.of(full + "(" + p.name() + ")", qual + "(" + p.name() + ")")));
        }
      }
      for (PyModule.Param p : old) {
        if (!RECEIVERS.contains(p.name()) && !newByName.containsKey(p.name())) {
          defaults.add(new Item("parameter `" + full + "(" + p.name() + ")` removed: callers passing it break",
              List.of(full + "(" + p.name() + ")", qual + "(" + p.name() + ")")));
        }
      }
    }
  }

  private static String show(String source) {
    return source == null ? "(required)" : "`" + source + "`";
  }

  private static Map<String, PyModule.Param> byName(List<PyModule.Param> ps) {
    Map<String, PyModule.Param> m = new HashMap<>();
    ps.forEach(p -> m.put(p.name(), p));
    return m;
  }

  private static List<Item> sorted(List<Item> items) {
    return items.stream().sorted(java.util.Comparator.comparing(Item::text)).toList();
  }
}
