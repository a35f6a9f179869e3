package dev.forkstate.verify;

import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a name the report says is absent ("`docs/x.md` does not exist", "symbol `pkg.mod:Turbo` has no module file at
 * HEAD") the other way round: TRUE when it is indeed not at HEAD, FALSE only when it exists there (as a path, a branch
 * or tag, a module of the project, or the symbol the scanner finds), UNVERIFIABLE when the tree could not be read.
 */
final class AbsenceCheck {
  private static final Pattern FILE_NAME = Pattern.compile(".*\\.[A-Za-z0-9]{1,6}$");

  private final Map<String, Fact> pathFacts;
  private final NameResolver names;
  private final SymbolCheck symbols;

  /** @param pathFacts every cited path classified by the reference collector, the absent ones included */
  AbsenceCheck(Map<String, Fact> pathFacts, NameResolver names, SymbolCheck symbols) {
    this.pathFacts = pathFacts;
    this.names = names;
    this.symbols = symbols;
  }

  CheckedClaim check(Claim c) {
    String name = c.subject();
    if (SymbolSpan.of(name).isPresent()) {
      return symbol(c);
    }
    Fact f = pathFacts.get(name);
    if (f != null && ReferenceCollector.isAtHead(f)) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("said to be absent, but ").then(f.summaryPhrase()),
          f.command());
    }
    var ref = names.ref(name);
    if (ref.isPresent()) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("said to be absent, but it is a " + ref.get().kind()
          + ": ").then(Phrase.Kind.REF, ref.get().target().replaceFirst("^refs/", "")), ref.get().command());
    }
    var module = FILE_NAME.matcher(name).matches() ? java.util.Optional.<String>empty() : names.moduleFile(name);
    if (module.isPresent()) {
      return new CheckedClaim(c, Verdict.FALSE, Phrase.of("said to be absent, but it is a Python module: ")
          .then(Phrase.Kind.PATH, module.get()), NameResolver.treeCommand(module.get()));
    }
    if (!names.treeKnown()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "the HEAD tree could not be listed whole",
          NameResolver.treeCommand(name));
    }
    Phrase measured = f == null ? Phrase.of(Phrase.Kind.PATH, name).then(" is not at HEAD")
        : f.reason().isBlank() ? f.summaryPhrase() : f.summaryPhrase().then(" (").then(f.reasonPhrase()).then(")");
    return new CheckedClaim(c, Verdict.TRUE, measured, f == null ? NameResolver.treeCommand(name) : f.command());
  }

  /** The scanner's verdict on the symbol, turned round: found is FALSE, not found is TRUE. */
  private CheckedClaim symbol(Claim c) {
    var found = symbols.check(new Claim(Claim.Kind.SYMBOL, c.line(), c.subject(), null, c.badge()));
    if (found.isEmpty()) {
      return null; // a name the project does not define and no module of it: no claim about this project
    }
    CheckedClaim s = found.get();
    return switch (s.verdict()) {
      case TRUE -> new CheckedClaim(c, Verdict.FALSE, Phrase.of("said to be absent, but ").then(s.evidence()),
          s.command());
      case FALSE -> new CheckedClaim(c, Verdict.TRUE, s.evidence(), s.command());
      case UNVERIFIABLE -> new CheckedClaim(c, Verdict.UNVERIFIABLE, s.evidence(), s.command());
    };
  }
}
