package dev.forkstate.collect.happypath;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.CommandWords;
import dev.forkstate.collect.refs.ReferenceCollector;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Copy-paste commands only", measured: every command the report shows (the facts' commands) and every command in
 * the guide's shell blocks must have its program here, name only scripts and files that are committed, and leave no
 * placeholder such as {@code <token>} unexplained. Runs after the other collectors, since it reads their commands.
 */
public final class CopyPasteCollector implements Collector {
  static final FactId ID = FactIds.HAPPYPATH_COPY_PASTE;
  private final List<Fact> measured;

  public CopyPasteCollector(List<Fact> measured) {
    this.measured = List.copyOf(measured);
  }

  @Override
  public String name() {
    return "copy-paste";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.HAPPYPATH_COPY_PASTE));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Map<String, String> commands = new LinkedHashMap<>(); // command -> where it is
    for (Fact f : measured) {
      // The report shows a fact's first command: that is the one a reader pastes.
      if (!f.command().isEmpty()) {
        commands.putIfAbsent(f.command(), "report (" + f.id() + ")");
      }
    }
    int fromReport = commands.size();
    Optional<String> guideText = GuideText.read(ctx);
    String guide = ctx.settings().guide().isSet() ? ctx.settings().guide().value() : null;
    List<GuideCommands.Command> fromGuide = guideText.map(GuideCommands::of).orElse(List.of());
    Map<String, String> guideCommands = new LinkedHashMap<>();
    fromGuide.forEach(c -> guideCommands.putIfAbsent(c.text(), guide + ":" + c.line()));

    Set<String> paths = new TreeSet<>();
    guideCommands.keySet().forEach(c -> paths.addAll(CommandWords.namedFiles(c)));
    Map<String, Fact> pathFacts = ReferenceCollector.classify(ctx, "copy-paste", paths);

    List<Phrase> problems = new ArrayList<>();
    Set<String> programs = new TreeSet<>();
    Map<String, String> all = new LinkedHashMap<>(commands);
    guideCommands.forEach(all::putIfAbsent);
    for (Map.Entry<String, String> e : all.entrySet()) {
      String program = CommandWords.program(e.getKey());
      programs.add(program);
      if (!CommandWords.runnable(program, ctx.repo(), ctx.runner().baseEnv())) {
        problems.add(Phrase.of(e.getValue() + ": ").then(Phrase.Kind.COMMAND, program).then(" is not installed here"));
      }
    }
    for (Map.Entry<String, String> e : guideCommands.entrySet()) {
      for (String p : CommandWords.namedFiles(e.getKey())) {
        Fact f = pathFacts.get(p);
        if (!ReferenceCollector.isAtHead(f)) {
          // The reference fact says it of the path ("`x` does not exist"): here the path is already named.
          problems.add(Phrase.of(e.getValue() + ": names ").then(Phrase.Kind.PATH, p).then(", which ")
              .then(f == null ? Phrase.of("was not checked") : f.summaryPhrase().afterSubject()));
        }
      }
      for (String ph : CommandWords.placeholders(e.getKey())) {
        problems.add(Phrase.of(e.getValue() + ": placeholder ").then(Phrase.Kind.CODE, ph).then(" left to fill in"));
      }
    }
    List<Evidence> evidence = new ArrayList<>();
    if (guide != null && guideText.isPresent()) {
      evidence.add(Evidence.ofCommand("cat " + ShellQuote.quote(guide)));
    }
    evidence.add(Evidence.ofCommand("command -v " + String.join(" ", programs.stream().filter(p -> !p.isEmpty())
        .map(ShellQuote::quote).toList())));
    String counted = Noun.count(all.size(), "command") + " (" + fromReport + " in the report, "
        + guideCommands.size() + " in the guide" + (guide == null ? ": no guide" : guideText.isEmpty()
            ? ": guide not readable" : "") + ")";
    if (problems.isEmpty()) {
      return List.of(new Fact(ID, Status.PASS, new Value.Items(List.of()), counted
          + " paste cleanly: programs installed, files committed, no placeholders", "", evidence));
    }
    List<Phrase> sorted = problems.stream().distinct().toList();
    return List.of(new Fact(ID, Status.FAIL, new Value.Items(sorted), Noun.count(sorted.size(),
        "copy-paste problem") + " in " + counted, "", evidence));
  }
}
