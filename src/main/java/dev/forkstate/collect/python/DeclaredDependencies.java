package dev.forkstate.collect.python;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the project declares it needs, read from its packaging files at HEAD: each declared distribution with the
 * kind of declaration and the file that holds it, and the files that exist but could not be read (a malformed
 * pyproject.toml, a setup.py that computes its lists). A module is looked up by its import name: a missing
 * {@code kombu} is "declared in requirements/default.txt", an unguarded {@code redis} is "an extra".
 */
public record DeclaredDependencies(List<Declaration> declarations, List<Unread> unread, List<String> sources) {
  /** Strongest kind first, then by file: the first match of a module is its strongest declaration. */
  private static final Comparator<Declaration> ORDER = Comparator.comparing(Declaration::kind)
      .thenComparing(Declaration::file).thenComparing(Declaration::group).thenComparing(Declaration::distribution);

  public DeclaredDependencies {
    declarations = declarations.stream().distinct().sorted(ORDER).toList();
    unread = unread.stream().distinct().sorted(Comparator.comparing(Unread::file).thenComparing(Unread::reason))
        .toList();
    sources = sources.stream().distinct().sorted().toList();
  }

  /** Declarations without the list of packaging files they were read from (a single parser's answer). */
  public DeclaredDependencies(List<Declaration> declarations, List<Unread> unread) {
    this(declarations, unread, List.of());
  }

  /** The command that shows the packaging files read, for the evidence: a user can paste it. */
  public String command() {
    return sources.isEmpty() ? "git ls-tree --name-only HEAD"
        : sources.size() <= 3 ? "git show " + String.join(" ", sources.stream().map(f -> "HEAD:" + f).toList())
        : "git ls-tree -r --name-only HEAD -- " + String.join(" ", sources.stream().map(f -> f.startsWith(
            DeclarationReader.REQUIREMENTS_DIR) ? DeclarationReader.REQUIREMENTS_DIR : f).distinct().toList());
  }

  public static final DeclaredDependencies NONE = new DeclaredDependencies(List.of(), List.of());

  /**
   * How a distribution is declared, strongest first: REQUIRED ({@code [project] dependencies}, poetry's
   * dependencies, {@code install_requires}), EXTRA ({@code [project.optional-dependencies]}, poetry extras,
   * {@code extras_require}), GROUP (dependency groups, poetry groups: development tools), LISTED (a requirements
   * file: declared, but the file does not say whether it is required or optional).
   */
  public enum Kind { REQUIRED, EXTRA, GROUP, LISTED }

  /**
   * One declaration: the distribution as written ({@code PyYAML}), its kind, the file (repository path) and the
   * extra or group it belongs to ("" for none).
   */
  public record Declaration(String distribution, Kind kind, String file, String group) {
    /** Where it is declared, as the report says it: "pyproject.toml", "pyproject.toml, extra redis". */
    public String where() {
      return group.isEmpty() ? file : file + ", " + (kind == Kind.EXTRA ? "extra " : "group ") + group;
    }
  }

  /** A packaging file that exists but whose declarations could not be read, and why. */
  public record Unread(String file, String reason) {}

  /** The strongest declaration of the distribution that provides this module (dotted import name), if any. */
  public Optional<Declaration> of(String module) {
    return declarations.stream().filter(d -> DistributionNames.provides(d.distribution(), module)).findFirst();
  }

  /**
   * Who provides a module pytest found missing: as {@link #of}, else a distribution under it (the namespace package
   * {@code google} is what google-genai installs into). Only for naming what to install, never for the optional
   * rule: {@code import google.protobuf} is not the google-genai extra.
   */
  public Optional<Declaration> provider(String module) {
    return of(module).or(() -> declarations.stream().filter(d -> DistributionNames.modules(d.distribution())
        .stream().anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith(
            module.toLowerCase(java.util.Locale.ROOT) + "."))).findFirst());
  }

  /** The declared distributions by normalised name, each with its strongest declaration. */
  public java.util.Map<String, Declaration> strongest() {
    java.util.Map<String, Declaration> out = new java.util.TreeMap<>();
    declarations.forEach(d -> out.putIfAbsent(DistributionNames.normalise(d.distribution()), d));
    return out;
  }

  /** Declared as required: never an optional package, whatever guards its imports. */
  public boolean required(String module) {
    return of(module).filter(d -> d.kind() == Kind.REQUIRED).isPresent();
  }

  /** Declared as an extra and not as required: an optional package. */
  public boolean extra(String module) {
    return of(module).filter(d -> d.kind() == Kind.EXTRA).isPresent();
  }

  public boolean complete() {
    return unread.isEmpty();
  }
}
