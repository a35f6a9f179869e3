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
import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.Trends;
import dev.forkstate.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The history use case: the recorded runs, newest first, as a table or JSON. Never creates a database. */
public final class ListHistory {
  public String run(Path repoDir, Path config, boolean json, int limit, Map<String, String> env) {
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    Path repo = Workspace.repoRoot(repoDir, runner);
    ForkstateConfig c = new ConfigLoader().load(config != null ? config : repo.resolve(ConfigLoader.FILE_NAME));
    String setting = c.historyDb() != null ? c.historyDb() : SettingsResolver.DEFAULT_HISTORY_DB;
    Path db = repo.resolve(setting);
    if (!Files.isRegularFile(db)) {
      throw new UserError("no run history at " + setting, null, "run forkstate generate first: each run is recorded");
    }
    List<HistoryStore.Run> runs;
    try (HistoryStore store = HistoryStore.open(db)) {
      runs = store.recent(limit);
    } catch (HistoryStore.Unavailable e) {
      throw new UserError(e.getMessage(), null, "move the file aside to start a new history");
    }
    return json ? json(runs) : table(runs);
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
