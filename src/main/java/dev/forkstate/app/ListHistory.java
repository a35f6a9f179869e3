package dev.forkstate.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.config.ConfigLoader;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.error.UserError;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.Phrase;
import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.SqliteDriver;
import dev.forkstate.history.RunFacts;
import dev.forkstate.history.Trends;
import dev.forkstate.render.MarkdownText;
import dev.forkstate.report.FactChanges;
import dev.forkstate.report.FactDigest;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The history use case: the recorded runs, newest first, as a table or JSON. Never creates a database. */
public final class ListHistory {
  public String run(Path repoDir, Path config, boolean json, int limit, Map<String, String> env) {
    try (HistoryStore store = open(repoDir, config, env, Redactor.fromEnvironment(env))) {
      List<HistoryStore.Run> runs = store.recent(limit);
      return json ? json(runs) : table(runs);
    } catch (HistoryStore.Unavailable e) {
      throw new UserError(e.getMessage(), null, "move the file aside to start a new history");
    }
  }

  /**
   * What changed between two recorded runs, as "changes since the last report" says it, from their typed facts. The
   * text is redacted once more on the way out: a run stored before history was redacted may still hold a secret.
   */
  public String diff(Path repoDir, Path config, long from, long to, Map<String, String> env) {
    Redactor redactor = Redactor.fromEnvironment(env);
    try (HistoryStore store = open(repoDir, config, env, redactor)) {
      HistoryStore.Run a = store.get(from).orElseThrow(() -> noRun(from));
      HistoryStore.Run b = store.get(to).orElseThrow(() -> noRun(to));
      FactDigest before = digest(a.typedFacts().orElseThrow(() -> unreadable(from)));
      FactDigest after = digest(b.typedFacts().orElseThrow(() -> unreadable(to)));
      List<Phrase> changes = FactChanges.between(before, after);
      StringBuilder out = new StringBuilder("run " + a.id() + " (" + a.time() + ", " + shortSha(a.commit())
          + ") → run " + b.id() + " (" + b.time() + ", " + shortSha(b.commit()) + "):" + (changes.isEmpty()
          ? " no changes" : "") + "\n");
      changes.forEach(c -> out.append("- ").append(MarkdownText.of(c)).append('\n'));
      return redactor.redact(out.toString());
    } catch (HistoryStore.Unavailable e) {
      throw new UserError(e.getMessage(), null, "move the file aside to start a new history");
    }
  }

  /** A recorded run in the form the change list compares: each entry keeps its typed value. */
  private static FactDigest digest(RunFacts facts) {
    Map<String, FactDigest.Entry> out = new TreeMap<>();
    facts.facts().forEach((id, e) -> out.put(id, FactDigest.Entry.of(e.status(), e.value())));
    return new FactDigest(out);
  }

  private static UserError noRun(long id) {
    return new UserError("no run " + id + " in the history", null, "see forkstate history for the run numbers");
  }

  private static UserError unreadable(long id) {
    return new UserError("run " + id + " has no readable facts", null, "compare other runs");
  }

  private static String shortSha(String sha) {
    return sha.substring(0, Math.min(12, sha.length()));
  }

  private static HistoryStore open(Path repoDir, Path config, Map<String, String> env, Redactor redactor)
      throws HistoryStore.Unavailable {
    CommandRunner runner = new CommandRunner(env, redactor);
    Path repo = Workspace.repoRoot(repoDir, runner);
    ForkstateConfig c = new ConfigLoader().load(config != null ? config : repo.resolve(ConfigLoader.FILE_NAME));
    String setting = c.historyDb() != null ? c.historyDb() : SettingsResolver.DEFAULT_HISTORY_DB;
    Path db = repo.resolve(setting);
    if (!Files.isRegularFile(db)) {
      throw new UserError("no run history at " + setting, null, "run forkstate generate first: each run is recorded");
    }
    SqliteDriver.prepare(env);
    return HistoryStore.open(db, redactor);
  }

  private static String table(List<HistoryStore.Run> runs) {
    StringBuilder out = new StringBuilder(String.format("%-5s %-20s %-12s %-20s %-4s %-7s %s%n", "run", "time",
        "commit", "branch", "exit", "smokes", "behind"));
    for (HistoryStore.Run r : runs) {
      Trends.Point p = Trends.of(r);
      out.append(String.format("%-5d %-20s %-12s %-20s %-4d %-7s %s%n", r.id(), r.time(),
          r.commit().substring(0, Math.min(12, r.commit().length())), r.branch(), r.exitCode(),
          !p.smokesMeasured() ? "-" : p.smokesGreen() ? "green" : "red", p.behind() == null ? "-" : p.behind()));
    }
    return out.toString();
  }

  private static String json(List<HistoryStore.Run> runs) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode arr = m.createArrayNode();
    for (HistoryStore.Run r : runs) {
      Trends.Point p = Trends.of(r);
      ObjectNode n = arr.addObject().put("run", r.id()).put("time", r.time()).put("commit", r.commit())
          .put("branch", r.branch()).put("exitCode", r.exitCode());
      if (p.smokesMeasured()) {
        n.put("smokesGreen", p.smokesGreen());
      }
      if (p.behind() != null) {
        n.put("behind", p.behind());
      }
    }
    try {
      return m.writeValueAsString(arr) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
