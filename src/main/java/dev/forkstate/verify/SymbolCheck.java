package dev.forkstate.verify;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.python.PyModule;
import dev.forkstate.collect.python.PythonScanner;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks claims about Python code at HEAD with forkstate's ast scanner: a class or function exists where the report
 * says, takes the keyword the report passes, and an env flag is read (and its value appears where it is read).
 * Evidence names file:line. A name the project does not define, written without a module of the project, is not
 * a claim about the project (it may be the standard library's or a dependency's): it is left out.
 */
final class SymbolCheck {
  private static final String DEF = "^\\s*(async\\s+)?(def|class)\\s+%s\\b";

  private final CollectContext ctx;
  private final NameResolver names;
  private final Map<String, Optional<PyModule>> scanned = new HashMap<>();

  SymbolCheck(CollectContext ctx, NameResolver names) {
    this.ctx = ctx;
    this.names = names;
  }

  /** The verdict, or empty when the span is not a claim about this project. */
  Optional<CheckedClaim> check(Claim c) {
    SymbolSpan s = SymbolSpan.of(c.subject()).orElse(null);
    if (s == null) {
      return Optional.empty();
    }
    return switch (s.kind()) {
      case ENV_FLAG -> Optional.of(envFlag(c, s));
      case QUALNAME, CALL -> code(c, s);
    };
  }

  private CheckedClaim envFlag(Claim c, SymbolSpan s) {
    String cmd = "git grep -n -F -e " + ShellQuote.quote(s.name()) + " HEAD";
    List<String> hits = grep(List.of("-F", "-e", s.name()), List.of());
    if (hits.isEmpty()) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of(Phrase.Kind.NAME, s.name())
          .then(" is not named anywhere in the HEAD commit: nothing reads it"), cmd);
    }
    String reader = null;
    for (String hit : hits) {
      String file = hit.substring(0, hit.indexOf(':'));
      Optional<PyModule> m = file.endsWith(".py") ? module(file) : Optional.empty();
      // The scanner reads os.environ/os.getenv; an aliased module (import os as _os) is read from the line itself.
      boolean readHere = file.endsWith(".py") && hit.matches(".*(getenv|environ)\\b.*");
      if (readHere || m.isPresent() && m.get().env().contains(s.name())) {
        reader = hit.substring(0, hit.indexOf(':', file.length() + 1));
        break;
      }
    }
    if (reader == null) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of(Phrase.Kind.NAME, s.name())
          .then(" is named at " + location(hits.get(0)) + ", but no Python file at HEAD reads it from the "
              + "environment"), cmd);
    }
    String file = reader.substring(0, reader.indexOf(':'));
    List<String> valueHits = grep(List.of("-F", "-e", "\"" + s.value() + "\"", "-e", "'" + s.value() + "'"),
        List.of(file));
    if (valueHits.isEmpty()) {
      // The value may be compared elsewhere (a settings module passes it on): not seen is not absent.
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of(Phrase.Kind.NAME, s.name()).then(" is read at ")
          .then(Phrase.Kind.PATH, reader).then(", but the value \"" + s.value() + "\" is not written in ")
          .then(Phrase.Kind.PATH, file), cmd + " -- " + ShellQuote.quote(file));
    }
    return new CheckedClaim(c, Verdict.TRUE, Phrase.of(Phrase.Kind.NAME, s.name()).then(" is read at ")
        .then(Phrase.Kind.PATH, reader).then("; \"" + s.value() + "\" appears at ")
        .then(Phrase.Kind.PATH, location(valueHits.get(0))), cmd + " -- " + ShellQuote.quote(file));
  }

  private Optional<CheckedClaim> code(Claim c, SymbolSpan s) {
    String file;
    String qual = s.name();
    if (!s.module().isEmpty()) {
      Optional<String> f = names.moduleFile(s.module());
      if (f.isEmpty() || !f.get().endsWith(".py")) {
        if (names.underTopFolder(s.module().replace('.', '/')) && names.treeKnown()) {
          return Optional.of(new CheckedClaim(c, Verdict.FALSE, Phrase.of("module ").then(Phrase.Kind.NAME,
              s.module()).then(" has no file at HEAD (searched the root, src/ and the project's packages)"),
              NameResolver.treeCommand(s.module().replace('.', '/'))));
        }
        return Optional.empty(); // another project's module (asyncio.run, os.getenv): not a claim about this one
      }
      file = f.get();
    } else {
      List<String> defs = grep(List.of("-E", "-e", String.format(DEF, qual)), List.of("*.py"));
      if (defs.isEmpty()) {
        return Optional.empty(); // not defined here: a builtin or a dependency's name
      }
      // Prefer the project's code to its tests when both define the name.
      String first = defs.stream().filter(h -> !h.matches("(.*/)?tests?/.*|.*test_[^/]*")).findFirst()
          .orElse(defs.get(0));
      file = first.substring(0, first.indexOf(':'));
    }
    String cmd = "git grep -n -E " + ShellQuote.quote(String.format(DEF, qual.substring(qual.lastIndexOf('.') + 1)))
        + " HEAD -- " + ShellQuote.quote(file);
    Optional<PyModule> m = module(file);
    if (m.isEmpty()) {
      return Optional.of(new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of("could not read ")
          .then(Phrase.Kind.PATH, file).then(": python3 is missing or the file does not parse"), cmd));
    }
    if (!m.get().symbols().contains(qual)) {
      return Optional.of(new CheckedClaim(c, Verdict.FALSE, Phrase.of(Phrase.Kind.NAME, qual)
          .then(" is not defined in ").then(Phrase.Kind.PATH, file).then(" at HEAD"), cmd));
    }
    List<String> defLine = grep(List.of("-E", "-e", String.format(DEF, qual.substring(qual.lastIndexOf('.') + 1))),
        List.of(file));
    String where = defLine.isEmpty() ? file : location(defLine.get(0));
    if (s.params().isEmpty()) {
      return Optional.of(new CheckedClaim(c, Verdict.TRUE, Phrase.of(Phrase.Kind.NAME, qual)
          .then(" is defined at ").then(Phrase.Kind.PATH, where), cmd));
    }
    List<PyModule.Param> params = m.get().functions().get(qual + ".__init__");
    if (params == null) {
      params = m.get().functions().get(qual);
    }
    if (params == null) {
      return Optional.of(new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of(Phrase.Kind.NAME, qual)
          .then(" is defined at ").then(Phrase.Kind.PATH, where)
          .then(", but its parameters are inherited or generated: forkstate does not read them"), cmd));
    }
    List<String> own = params.stream().map(PyModule.Param::name).toList();
    boolean anyKeyword = params.stream().anyMatch(p -> p.kind().equals("**kwargs"));
    List<String> missing = new ArrayList<>(s.params().stream().filter(p -> !own.contains(p)).toList());
    if (missing.isEmpty()) {
      return Optional.of(new CheckedClaim(c, Verdict.TRUE, Phrase.of(Phrase.Kind.NAME, qual).then(" at ")
          .then(Phrase.Kind.PATH, where).then(" takes ").then(Phrase.items(Phrase.Kind.NAME, s.params(), ", ")),
          cmd));
    }
    if (anyKeyword) {
      return Optional.of(new CheckedClaim(c, Verdict.UNVERIFIABLE, Phrase.of(Phrase.Kind.NAME, qual).then(" at ")
          .then(Phrase.Kind.PATH, where).then(" names no ").then(Phrase.items(Phrase.Kind.NAME, missing, ", "))
          .then(" parameter but takes **kwargs, which may accept it"), cmd));
    }
    return Optional.of(new CheckedClaim(c, Verdict.FALSE, Phrase.of(Phrase.Kind.NAME, qual).then(" at ")
        .then(Phrase.Kind.PATH, where).then(" has no parameter ").then(Phrase.items(Phrase.Kind.NAME, missing, ", "))
        .then(" (it takes " + own.size() + " parameters)"), cmd));
  }

  /** "path:line:text" hits of git grep at HEAD (the "HEAD:" prefix removed), in git's order. */
  private List<String> grep(List<String> pattern, List<String> pathspecs) {
    List<String> args = new ArrayList<>(List.of("grep", "-n", "-I"));
    args.addAll(pattern);
    args.add("HEAD");
    args.add("--");
    args.addAll(pathspecs);
    List<String> out = new ArrayList<>();
    for (String l : GitCli.lines(ctx.git().run(args, null))) {
      out.add(l.startsWith("HEAD:") ? l.substring(5) : l);
    }
    return out;
  }

  private static String location(String hit) {
    int first = hit.indexOf(':');
    int second = first < 0 ? -1 : hit.indexOf(':', first + 1);
    return second < 0 ? hit : hit.substring(0, second);
  }

  private Optional<PyModule> module(String file) {
    return scanned.computeIfAbsent(file, f -> {
      String blob = GitCli.firstLine(ctx.git().run("rev-parse", "--verify", "--quiet", "HEAD:" + f));
      if (blob.isEmpty()) {
        return Optional.empty();
      }
      try {
        PyModule m = new PythonScanner(ctx).scan(List.of(blob)).modules().get(blob);
        return m != null && m.parsed() ? Optional.of(m) : Optional.empty();
      } catch (PythonScanner.Unavailable e) {
        return Optional.empty();
      }
    });
  }
}
