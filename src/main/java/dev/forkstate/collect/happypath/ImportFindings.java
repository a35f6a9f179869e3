package dev.forkstate.collect.happypath;

import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;

import dev.forkstate.collect.python.DeclaredDependencies;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.collect.python.ImportOrigin;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fork's new module-level imports, sorted by what the project declares. The standard library, the project's own
 * packages and the distributions it declares as required are never optional, so they are no candidates; a package
 * declared as an extra is listed as optional for the rule (with {@code happypath.optional_modules}, applied by the
 * judge). Being imported under try/except ImportError somewhere does not make a package optional: it is only shown.
 * Imports in test files are a line of their own: tests may need development dependencies, which is no import-time
 * fragility of the package.
 */
final class ImportFindings {
  private static final Set<String> TEST_DIRS = Set.of("tests", "test", "t", "testing");

  private final ImportOrigin origin;
  private final DeclaredDependencies declared;
  private final Set<String> guardedAnywhere;

  ImportFindings(ImportOrigin origin, DeclaredDependencies declared, List<String> guardedAnywhere) {
    this.origin = origin;
    this.declared = declared;
    this.guardedAnywhere = Set.copyOf(guardedAnywhere);
  }

  /** A test module by name (test_x.py, x_test.py, conftest.py) or by folder (tests/, test/, t/, testing/). */
  static boolean testFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")) {
      return true;
    }
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (TEST_DIRS.contains(parts[i])) {
        return true;
      }
    }
    return false;
  }

  /** The strongest declaration of the package: by the dotted names the file spells, then by the package. */
  private Optional<Declaration> declaration(NewImport i) {
    for (String p : i.paths()) {
      Optional<Declaration> d = declared.of(p);
      if (d.isPresent()) {
        return d;
      }
    }
    return declared.of(i.pkg());
  }

  private boolean thirdParty(NewImport i) {
    return !ImportOrigin.stdlib(i.pkg()) && !origin.own(i.pkg());
  }

  /** The import-time rule's candidates: new unguarded imports outside tests that could be of optional packages. */
  Fact imports(List<NewImport> imports, Evidence ev, List<String> unparsed) {
    List<Value.Candidate> found = new ArrayList<>();
    Set<String> extras = new TreeSet<>();
    Set<String> undeclared = new TreeSet<>();
    boolean undecided = false;
    for (NewImport i : imports) {
      Optional<Declaration> d = declaration(i);
      // setup.py is the build script, run by the installer that brings setuptools: no module anyone imports.
      if (testFile(i.file()) || i.file().equals("setup.py") || !thirdParty(i)
          || d.filter(x -> x.kind() == Kind.REQUIRED).isPresent()) {
        continue;
      }
      // Optional to whoever installs the package: an extra, or a package declared only in a dependency group (dev,
      // test tooling), which an installer never brings: importing it at module level breaks the import for users.
      boolean extra = d.filter(x -> x.kind() == Kind.EXTRA || x.kind() == Kind.GROUP).isPresent();
      List<String> keys = new ArrayList<>(List.of(i.pkg()));
      i.paths().stream().filter(p -> !p.equals(i.pkg())).forEach(keys::add);
      if (extra) {
        extras.add(i.pkg());
      }
      // Declarations read in full that do not name it: installing the project does not bring it (a declared
      // dependency might, which is no promise). With nothing declared at all there is no install to speak of.
      if (d.isEmpty() && declared.complete() && !declared.declarations().isEmpty()) {
        undeclared.add(i.pkg());
      }
      undecided |= !extra && !declared.complete();
      found.add(new Value.Candidate(Phrase.of("package ").then(NAME, i.pkg()).then(" (").then(declaredAs(d))
          .then(guardedAnywhere.contains(i.pkg()) ? "; imported guarded elsewhere" : "")
          .then(") imported unguarded at module level in ").then(PATH, i.file()).then(": importing ")
          .then(NAME, i.module()).then(" fails without it"), keys));
    }
    List<String> why = undecided ? declared.unread().stream().map(u -> u.file() + ": " + u.reason()).toList()
        : List.of();
    return Fact.info(FactIds.HAPPYPATH_IMPORTS, new Value.Candidates(found, List.copyOf(extras), unparsed, why,
        List.copyOf(undeclared)),
        Noun.count(found.size(), "new unguarded module-level import") + " of a package the project does not "
        + "require found" + (unparsed.isEmpty() ? "" : " in the files that parse"), ev);
  }

  /** Third-party packages the fork's test files newly import: measured, never judged as import-time fragility. */
  Fact testImports(List<NewImport> imports, Evidence ev) {
    List<Phrase> items = new ArrayList<>();
    Set<String> pkgs = new TreeSet<>();
    for (NewImport i : imports) {
      if (testFile(i.file()) && thirdParty(i)) {
        pkgs.add(i.pkg());
        items.add(Phrase.of("tests import ").then(NAME, i.pkg()).then(" (").then(declaredAs(declaration(i)))
            .then(") in ").then(PATH, i.file()));
      }
    }
    return Fact.of(FactIds.PYTHON_TEST_IMPORTS, Status.INFO, new Value.Items(items), items.isEmpty()
        ? Phrase.of("tests import no new third-party package")
        : Phrase.of("tests import ").then(Phrase.items(NAME, List.copyOf(pkgs), ", "))
            .then(" (apart from import-time robustness: tests may need development dependencies)"), ev);
  }

  /** What the project declares, or which packaging file could not be read and why (UNKNOWN: never guessed). */
  static Fact declaredFact(DeclaredDependencies declared) {
    Evidence ev = Evidence.ofCommand(declared.command());
    List<Phrase> items = declared.declarations().stream().map(d -> Phrase.of(NAME, d.distribution())
        .then(" (" + (d.kind() == Kind.LISTED ? "listed" : d.kind().name().toLowerCase(java.util.Locale.ROOT)
            + (d.group().isEmpty() ? "" : " " + d.group())) + ", ").then(PATH, d.file()).then(")")).toList();
    java.util.Collection<Declaration> distinct = declared.strongest().values();
    Phrase summary = Phrase.of(Noun.count(distinct.size(), "distribution") + " declared (" + count(distinct,
        Kind.REQUIRED) + " required, " + count(distinct, Kind.EXTRA) + " as extras, " + count(distinct, Kind.GROUP)
        + " only in dependency groups, " + count(distinct, Kind.LISTED) + " only in requirements files)");
    if (declared.sources().isEmpty() && declared.complete()) {
      return Fact.of(FactIds.PYTHON_DECLARED_DEPENDENCIES, Status.INFO, new Value.Items(List.of()), Phrase.of(
          "no packaging file at HEAD (pyproject.toml, setup.cfg, setup.py, requirements files): nothing declared"), ev);
    }
    if (declared.complete()) {
      return Fact.of(FactIds.PYTHON_DECLARED_DEPENDENCIES, Status.INFO, new Value.Items(items), summary, ev);
    }
    return new Fact(FactIds.PYTHON_DECLARED_DEPENDENCIES, Status.UNKNOWN, new Value.Items(items), summary,
        Phrase.of("could not read ").then(Phrase.join(declared.unread().stream().map(u -> Phrase.of(PATH, u.file())
            .then(" (" + u.reason() + ")")).toList(), "; ")), List.of(ev));
  }

  private static long count(java.util.Collection<Declaration> ds, Kind kind) {
    return ds.stream().filter(d -> d.kind() == kind).count();
  }

  private static Phrase declaredAs(Optional<Declaration> d) {
    if (d.isEmpty()) {
      return Phrase.of("not declared by the project");
    }
    Declaration x = d.get();
    Phrase where = Phrase.of(PATH, x.file());
    return switch (x.kind()) {
      case EXTRA -> Phrase.of("extra ").then(NAME, x.group().isEmpty() ? x.distribution() : x.group())
          .then(" in ").then(where);
      case GROUP -> Phrase.of("dependency group ").then(NAME, x.group()).then(" in ").then(where);
      case LISTED -> Phrase.of("listed in ").then(where);
      case REQUIRED -> Phrase.of("required in ").then(where);
    };
  }
}
