package dev.forkstate.collect.smoke;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Map;

/** The optional live check: calls real services, so it runs only online and when every key it needs is set. */
public final class LiveCheckCollector implements Collector {
  static final FactId ID = FactIds.LIVE_CHECK;

  @Override
  public String name() {
    return "live-check";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(ID));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Settings.LiveCheck live = ctx.settings().liveCheck();
    if (live == null) {
      return List.of(Fact.skipped(ID, "no live check configured or detected"));
    }
    if (ctx.offline()) {
      return List.of(Fact.skippedAsked(ID, Phrase.of("offline: ").then(Phrase.Kind.COMMAND, live.command())
          .then(" calls real services")));
    }
    Map<String, String> env = ctx.runner().baseEnv();
    List<String> missing = live.requiresEnv().stream().filter(k -> env.getOrDefault(k, "").isBlank()).toList();
    if (!missing.isEmpty()) {
      return List.of(Fact.skipped(ID, String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
          + " not set"));
    }
    CommandResult r = ctx.runner().run(CommandSpec.shell(live.command(), ctx.repo(), Map.of(), live.timeout()));
    if (r.ok()) {
      return List.of(Fact.of(ID, Status.PASS, new Value.Text("exit 0"), "exit 0", r.evidence()));
    }
    String why = r.timedOut() ? "timed out after " + live.timeout().toSeconds() + "s; killed with its children"
        : !r.started() ? r.startError() : "exit " + r.exitCode() + ": " + r.firstErrorLine();
    return List.of(new Fact(ID, Status.FAIL, Value.none(), why, why, List.of(r.evidence())));
  }
}
