package dev.forkstate.support;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.digest.Sha256;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.history.HistoryStore;
import dev.forkstate.history.RunFacts;
import dev.forkstate.history.RunFactsJson;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.IgnoredDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A large fork, generated as real git history through one {@code git fast-import} stream (pinned dates, so pinned
 * shas): an upstream package of 14 areas (some nested, providers/openai), a fork that branches off, commits across
 * many areas, merges upstream once and commits on, while upstream goes far ahead editing the same lines (merge
 * conflicts). The fork adds env flags, public parameters and an unguarded import of a package the machine lacks;
 * its smokes fail (three assertions) or cannot run (a missing module); a CI workflow with several jobs is
 * configured; a capability and a cited path are missing; an untracked file is left in the tree. Every report
 * section has more to say than fits, so lists are cut and folds are full.
 */
public final class LargeFork {
  public static final String FORK_BRANCH = "fork/stable";
  static final String[] AREAS = {"core", "router", "proxy", "cache", "auth", "db", "cli", "utils", "streaming",
      "providers/openai", "providers/anthropic", "providers/azure", "integrations/slack", "integrations/langfuse"};
  private static final int MODULES = 6;
  private static final int FORK_COMMITS = 48;
  private static final int UPSTREAM_AHEAD = 160;
  /** Commits an hour apart, the last well before the report date (SOURCE_DATE_EPOCH 2026-01-01 in tests). */
  private static final long EPOCH = 1_767_225_600L - 3600L * 400;

  private LargeFork() {}

  /** Builds the fork under {@code root} on branch fork/stable and returns its work tree. */
  public static Path build(Path root, Map<String, String> env) {
    GitScript g = new GitScript(root.resolve("largefork"), env, 0).init();
    Stream s = new Stream();
    Map<String, String> tree = new LinkedHashMap<>();
    tree.put("README.md", "# bigllm\n\nA large LLM gateway.\n");
    tree.put("pyproject.toml", "[project]\nname = \"bigllm\"\nversion = \"1.0.0\"\ndependencies = [\"httpx\"]\n");
    tree.put("bigllm/__init__.py", "__version__ = \"1.0.0\"\n");
    for (String area : AREAS) {
      tree.put("bigllm/" + area + "/__init__.py", "");
      for (int m = 0; m < MODULES; m++) {
        tree.put(module(area, m), upstreamModule(area, m, 0));
      }
    }
    tree.put("tests/test_core.py", "def test_upstream():\n    assert True\n");
    int upstream = s.commit("refs/remotes/upstream/main", "Initial bigllm", tree, 0, 0);
    s.tag("v1.0.0", upstream);
    Map<String, String> upTree = new TreeMap<>(tree);

    // Upstream's first 20 commits; the fork is cut after the tenth and merges upstream after the twentieth.
    int forkBase = 0;
    Map<String, String> baseTree = Map.of();
    for (int u = 1; u <= 20; u++) {
      Map<String, String> edit = upstreamEdit(u);
      upTree.putAll(edit);
      upstream = s.commit("refs/remotes/upstream/main", "upstream: change " + u, edit, upstream, 0);
      if (u == 10) {
        forkBase = upstream;
        baseTree = new TreeMap<>(upTree);
      }
    }
    int fork = forkBase;
    Map<String, String> forkTree = new TreeMap<>(baseTree);
    for (int c = 1; c <= FORK_COMMITS; c++) {
      if (c == FORK_COMMITS / 2) {
        // The merge takes upstream's side where only upstream changed a file, the fork's side elsewhere.
        Map<String, String> merged = new TreeMap<>(upTree);
        for (Map.Entry<String, String> e : forkTree.entrySet()) {
          if (!e.getValue().equals(baseTree.get(e.getKey()))) {
            merged.put(e.getKey(), e.getValue());
          }
        }
        forkTree = merged;
        fork = s.commit("refs/heads/" + FORK_BRANCH, "Merge upstream/main into fork/stable", merged, fork,
            upstream);
      }
      Map<String, String> edit = forkEdit(c);
      forkTree.putAll(edit);
      fork = s.commit("refs/heads/" + FORK_BRANCH, "fork: change " + c + " in " + AREAS[c % AREAS.length], edit,
          fork, 0);
    }
    s.commit("refs/heads/" + FORK_BRANCH, "Smokes, CI workflow and forkstate config", forkSetup(), fork, 0);
    for (int u = 21; u <= 20 + UPSTREAM_AHEAD; u++) {
      upstream = s.commit("refs/remotes/upstream/main", "upstream: change " + u, upstreamEdit(u), upstream, 0);
    }
    s.run(g, env);
    g.git("symbolic-ref", "HEAD", "refs/heads/" + FORK_BRANCH);
    g.git("reset", "-q", "--hard");
    g.write("scratch/notes.txt", "work in progress\n");
    seedHistory(g.dir());
    return g.dir();
  }

  /**
   * Four earlier runs in the history database, as forkstate stores them (typed facts): drift growing, smokes green
   * then failing. Stored directly so the test runs forkstate once.
   */
  private static void seedHistory(Path repo) {
    try {
      IgnoredDir.create(repo.resolve(".forkstate"));
      try (HistoryStore store = HistoryStore.open(repo.resolve(".forkstate/history.db"), Redactor.none())) {
        long[] behind = {100, 120, 140, 150};
        for (int i = 0; i < behind.length; i++) {
          SortedMap<String, RunFacts.Entry> facts = new TreeMap<>();
          facts.put(FactIds.UPSTREAM_BEHIND.value(), new RunFacts.Entry(Status.INFO, new Value.Count(behind[i])));
          boolean green = i < 2;
          facts.put(FactIds.SMOKE_PREFIX.value() + "core", new RunFacts.Entry(green ? Status.PASS : Status.FAIL,
              new Value.Tests(green ? 14 : 12, green ? 0 : 2, 0, 1, List.of(), List.of())));
          String stored = RunFactsJson.write(new RunFacts(facts), Redactor.none());
          store.record(String.format("2025-12-%02dT09:00:00Z", 20 + 2 * i), "%040d".formatted(i), FORK_BRANCH,
              green ? 0 : 1, stored, Sha256.hex(stored));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (HistoryStore.Unavailable e) {
      throw new IllegalStateException(e);
    }
  }

  static String module(String area, int m) {
    return "bigllm/" + area + "/mod_" + m + ".py";
  }

  private static String upstreamModule(String area, int m, int version) {
    String name = area.replace('/', '_');
    return "import os\n\n\nclass " + cap(name) + m + ":\n    VERSION = " + version + "\n\n"
        + "    def __init__(self, name, timeout=30):\n        self.name = name\n        self.timeout = timeout\n\n"
        + "    def call(self, payload):\n        return {\"area\": \"" + area + "\", \"payload\": payload}\n";
  }

  /** Upstream commit u rewrites one module's VERSION line; every module is rewritten several times over. */
  private static Map<String, String> upstreamEdit(int u) {
    String area = AREAS[u % AREAS.length];
    int m = (u / AREAS.length) % MODULES;
    return Map.of(module(area, m), upstreamModule(area, m, u));
  }

  /**
   * Fork commit c: an edit of an upstream module (its VERSION line too, so upstream's later edits conflict), and
   * every third commit a new module with an env flag and a public parameter; every seventh imports a package
   * nobody declares, unguarded.
   */
  private static Map<String, String> forkEdit(int c) {
    Map<String, String> files = new LinkedHashMap<>();
    String area = AREAS[c % AREAS.length];
    int m = (c / AREAS.length) % MODULES;
    String name = area.replace('/', '_');
    files.put(module(area, m), "import os\n\n\nclass " + cap(name) + m + ":\n    VERSION = \"fork-" + c + "\"\n\n"
        + "    def __init__(self, name, timeout=30, fork_mode_" + c + "=False):\n        self.name = name\n"
        + "        self.timeout = timeout\n        self.fork_mode = fork_mode_" + c + "\n\n"
        + "    def call(self, payload):\n        return {\"area\": \"" + area + "\", \"payload\": payload}\n");
    if (c % 3 == 0) {
      String extra = c % 7 == 0 ? "import turbo_sdk_" + c + "\n" : "";
      files.put("bigllm/" + area + "/fork_extra_" + c + ".py", "import os\n" + extra + "\n\n"
          + "def fork_feature_" + c + "(payload, fast_path=False):\n"
          + "    level = os.environ.get(\"BIGLLM_FORK_FLAG_" + c + "\", \"off\")\n"
          + "    return {\"level\": level, \"payload\": payload, \"fast\": fast_path}\n");
    }
    return files;
  }

  private static Map<String, String> forkSetup() {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder core = new StringBuilder("from bigllm.core.mod_0 import Core0\n\n");
    for (int t = 0; t < 14; t++) {
      boolean fails = t % 5 == 1;
      core.append("\ndef test_core_").append(t).append("():\n    assert Core0('x').timeout == ")
          .append(fails ? "31" : "30").append(", 'timeout drifted'\n\n");
    }
    core.append("\nimport pytest\n\n\n@pytest.mark.skip(reason='needs a running proxy')\ndef test_proxy_live():\n"
        + "    pass\n");
    files.put("tests/smoke/test_core.py", core.toString());
    files.put("tests/providers/test_providers.py", "import turbo_sdk_missing\n\n\ndef test_turbo():\n"
        + "    assert turbo_sdk_missing\n");
    files.put(".github/workflows/ci.yml", WORKFLOW);
    files.put(".gitignore", "STATE_OF_PROJECT.*\n__pycache__/\n.pytest_cache/\n");
    files.put("forkstate.yml", CONFIG);
    return files;
  }

  private static String cap(String s) {
    StringBuilder b = new StringBuilder();
    for (String part : s.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  private static final String WORKFLOW = """
      name: ci
      on:
        push:
          branches: [fork/stable]
      jobs:
        lint:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - run: pip install ruff && ruff check .
        unit:
          needs: lint
          if: needs.lint.result == 'success'
          runs-on: ubuntu-latest
          strategy:
            matrix:
              python: ["3.10", "3.11"]
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-python@v5
              with:
                python-version: ${{ matrix.python }}
            - run: pip install tox && tox -e py
        integration:
          needs: unit
          if: needs.unit.result == 'success'
          uses: ./.github/workflows/integration.yml
      """;

  private static final String CONFIG = """
      project: bigllm fork
      fork_branch: fork/stable
      upstream_ref: upstream/main
      smokes:
        - name: core
          command: PYTHONPATH=$(pwd) pytest -q tests/smoke
        - name: providers
          command: PYTHONPATH=$(pwd) pytest -q tests/providers
      ci:
        workflow: .github/workflows/ci.yml
        job: "3.12"
      paths:
        - docs/fork/ROUTING.md
        - bigllm/core/mod_0.py
      capabilities:
        - name: Fast path
          description: a fast path behind BIGLLM_FORK_FLAG_3
          evidence:
            paths: [bigllm/cache/fork_extra_3.py]
            env: [BIGLLM_FORK_FLAG_3]
        - name: Turbo provider
          description: a provider that is not there
          evidence:
            paths: [bigllm/providers/turbo.py]
            symbols: ["bigllm.providers.turbo:Turbo"]
            tests: ["tests/providers/test_providers.py::test_turbo"]
      """;

  /** A fast-import stream: commits with full paths and inline data, marks counted here. */
  private static final class Stream {
    private final StringBuilder out = new StringBuilder();
    private int mark;
    private int tick;

    int commit(String ref, String message, Map<String, String> files, int parent, int mergeParent) {
      mark++;
      tick++;
      long time = EPOCH + 3600L * tick;
      out.append("commit ").append(ref).append("\nmark :").append(mark).append('\n')
          .append("author Demo Dev <dev@example.invalid> ").append(time).append(" +0000\n")
          .append("committer Demo Dev <dev@example.invalid> ").append(time).append(" +0000\n");
      data(message + "\n");
      if (parent > 0) {
        out.append("from :").append(parent).append('\n');
      }
      if (mergeParent > 0) {
        out.append("merge :").append(mergeParent).append('\n');
      }
      List<String> paths = new ArrayList<>(files.keySet());
      paths.sort(null);
      for (String p : paths) {
        out.append("M 100644 inline ").append(p).append('\n');
        data(files.get(p));
      }
      out.append('\n');
      return mark;
    }

    void tag(String name, int target) {
      out.append("reset refs/tags/").append(name).append("\nfrom :").append(target).append("\n\n");
    }

    private void data(String text) {
      out.append("data ").append(text.getBytes(StandardCharsets.UTF_8).length).append('\n').append(text)
          .append('\n');
    }

    void run(GitScript g, Map<String, String> env) {
      try {
        Path file = Files.createTempFile(g.dir().resolve(".git"), "fast-import", ".txt");
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        CommandResult r = new CommandRunner(env, Redactor.none()).run(g.dir(), Duration.ofMinutes(1),
            List.of("bash", "-c", "git fast-import --quiet < " + ShellQuote.quote(file.toString())));
        Files.delete(file);
        if (!r.ok()) {
          throw new IllegalStateException("git fast-import failed: " + r.firstErrorLine());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
