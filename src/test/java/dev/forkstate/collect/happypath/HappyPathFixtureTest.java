package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.TestEnv;
import dev.forkstate.support.Shown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fixture fork with planted happy-path violations and allowed changes: the HAPPYPATH section must list exactly
 * the violations (a new env var, a new parameter, a changed default, an unguarded optional import, a flaky test, a
 * guide command naming a missing script) and nothing else; claimed capabilities are VERIFIED or UNVERIFIED as their
 * evidence says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HappyPathFixtureTest {
  private static final String CONFIG = """
      fork_branch: fork/stable
      upstream_ref: upstream/main
      smokes:
        - name: smokes
          command: PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke
      guide: docs/HAPPYPATH.md
      happypath:
        allowed_flags: [router_core]
        optional_modules: [numpy]
      capabilities:
        - name: Router core seam
          description: extracted path behind ACME_ROUTER_CORE
          evidence:
            paths: [acme/router_core.py]
            symbols: ["acme.router_core:extract", "acme.router:Router.__init__"]
            env: [ACME_ROUTER_CORE]
            tests: ["tests/smoke/test_basic.py::test_router"]
        - name: Mini agent
          description: a small tool loop
          evidence:
            paths: [acme/agent.py]
            symbols: ["acme.agent:run"]
            tests: ["tests/smoke/test_agent.py::test_loop"]
        - name: Extras
          evidence:
            paths: [acme/extras/images.py]
            symbols: ["acme.extras.images:resize", "acme.extras.images:crop"]
      """;

  private static final String GUIDE = """
      # Happy path

      Only one flag: `ACME_ROUTER_CORE=extracted` turns on the seam.

      ```bash
      PYTHONPATH=$(pwd) python3 -m pytest -q tests/smoke
      python3 scripts/setup_env.py
      ```

      ```python
      print("not a shell block")
      ```
      """;

  Map<String, String> env;
  Path fork;
  GenerateResult result;
  String md;

  @BeforeAll
  void build(@TempDir Path tmp) throws Exception {
    env = TestEnv.isolated(tmp.resolve("home"));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("acme/__init__.py", "")
        .write("acme/router.py", """
            import os


            class Router:
                def __init__(self, model, timeout=30):
                    self.model = model
                    self.debug = os.environ.get("ACME_DEBUG")
            """)
        .write("acme/client.py", """
            def call(url, retries=3):
                return url, retries
            """)
        .write("tests/smoke/test_basic.py", """
            from acme.router import Router


            def test_router():
                assert Router("m").model == "m"
            """)
        .commit("upstream: router and client");
    GitScript f = up.cloneTo(tmp.resolve("fork"));
    f.git("remote", "rename", "origin", "upstream");
    f.git("switch", "-q", "-c", "fork/stable");
    f.write("acme/router.py", """
            import os


            class Router:
                def __init__(self, model, timeout=30, *, router_core=None):
                    self.model = model
                    self.debug = os.environ.get("ACME_DEBUG")
                    self.core = router_core or os.environ.get("ACME_ROUTER_CORE", "legacy")
                    self.fast = os.getenv("ACME_FAST_PATH")
            """)
        .write("acme/client.py", """
            def call(url, retries=5, verbose=False):
                return url, retries
            """)
        .write("acme/router_core.py", "def extract(x):\n    return x\n")
        .write("acme/extras/__init__.py", "")
        .write("acme/extras/images.py", "import numpy\n\n\ndef resize(img):\n    return numpy.asarray(img)\n")
        .write("acme/extras/cache.py", "try:\n    import redis\nexcept ImportError:\n    redis = None\n")
        .write("tests/smoke/test_flaky.py", """
            import pathlib

            COUNTER = pathlib.Path(__file__).with_name(".counter")


            def test_counter():
                n = int(COUNTER.read_text()) if COUNTER.exists() else 0
                COUNTER.write_text(str(n + 1))
                assert n % 2 == 0
            """)
        .write(".gitignore", ".counter\n")
        .write("docs/HAPPYPATH.md", GUIDE)
        .write("forkstate.yml", CONFIG)
        .commit("fork: seam, extras, flaky test, guide")
        .tag("v1.0.0-fork.1");
    fork = f.dir();
    result = new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true, null, env));
    md = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
  }

  private String section(String title, String next) {
    return md.substring(md.indexOf("## " + title), md.indexOf("## " + next));
  }

  @Test
  void theHappyPathSectionListsExactlyThePlantedViolations() {
    String hp = section("HAPPYPATH Alignment", "Iterative Next Steps");
    // A rule shown in full above (the Executive Summary) is its label and first words here, with a link: read as
    // the start of the expected line, whose whole text the report holds where the link points.
    List<String> problems = hp.lines().filter(l -> l.startsWith("- **FAIL**") || l.startsWith("  - "))
        .map(l -> l.replaceAll(" · (`.*`|\\[see [^]]*\\]\\(#[a-z-]*\\))$", "")).toList();
    List<String> expected = List.of(
        "- **FAIL** No new flags: 2 new flags; allowed by happypath.allowed_flags or the guide: env var "
            + "`ACME_ROUTER_CORE` read in `acme/router.py`; parameter `Router.__init__(router_core)` added in "
            + "`acme/router.py`",
        "  - env var `ACME_FAST_PATH` read in `acme/router.py`",
        "  - parameter `call(verbose)` added in `acme/client.py`",
        "- **FAIL** Defaults unchanged: 1 changed public default or parameter",
        "  - default of `acme.client:call(retries)` changed: `3` → `5`",
        "- **FAIL** Deterministic smokes: 1 flaky test in 2 runs (outcome per run)",
        "  - `tests/smoke/test_flaky.py::test_counter` (passed, failed)",
        "- **FAIL** Copy-paste commands: 1 copy-paste problem in " + copyPasteCount(),
        "  - docs/HAPPYPATH.md:7: names `scripts/setup_env.py`, which does not exist",
        "- **FAIL** Import-time robustness: 1 unguarded optional import",
        "  - optional package `numpy` (not declared by the project) imported unguarded at module level in "
            + "`acme/extras/images.py`: importing `acme.extras.images` fails without it");
    assertThat(problems).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      String shown = problems.get(i);
      if (shown.endsWith(" …")) {
        assertThat(expected.get(i)).startsWith(shown.substring(0, shown.length() - 2));
        assertThat(md).contains(expected.get(i).substring(expected.get(i).indexOf(": ") + 2));
      } else {
        assertThat(shown).isEqualTo(expected.get(i));
      }
    }
    assertThat(hp).doesNotContain("ACME_DEBUG").doesNotContain("timeout").doesNotContain("redis");
  }

  /** The collector states what it found (and what the guide lists); the allowances are applied by the judge. */
  @Test
  void theCollectorMeasuresCandidatesAndTheJudgeAppliesTheAllowances() {
    FactSet measured = Collecting.run(new HappyPathCollector(), fork, CONFIG, env, true);
    Fact flags = measured.get(FactIds.HAPPYPATH_FLAGS).orElseThrow();
    assertThat(flags.status()).isEqualTo(Status.INFO);
    Value.Candidates found = (Value.Candidates) flags.value();
    assertThat(found.found()).hasSize(4);
    assertThat(found.listed()).contains("ACME_ROUTER_CORE");
    Value.Candidates imports = (Value.Candidates) measured.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().value();
    assertThat(imports.found()).extracting(c -> c.keys().get(0)).contains("numpy");
    // redis is imported guarded in acme/extras/cache.py: that alone does not make it optional (no extra declares it).
    assertThat(imports.listed()).isEmpty();
    FactSet judged = Collecting.judged(new HappyPathCollector(), fork, CONFIG, env, true);
    assertThat(Shown.items(judged.get(FactIds.HAPPYPATH_FLAGS).orElseThrow().value())).containsExactly(
        "env var `ACME_FAST_PATH` read in `acme/router.py`", "parameter `call(verbose)` added in `acme/client.py`");
    assertThat(judged.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().status()).isEqualTo(Status.FAIL);
  }

  private String copyPasteCount() {
    Fact f = new FactSet(result.report().facts()).get(FactIds.HAPPYPATH_COPY_PASTE).orElseThrow();
    return f.summary().substring(f.summary().indexOf(" in ") + 4);
  }

  @Test
  void capabilitiesAreVerifiedOrNotAsTheirEvidenceSays() {
    FactSet facts = new FactSet(result.report().facts());
    assertThat(facts.get("capability.router-core-seam").orElseThrow().status()).isEqualTo(Status.PASS);
    Fact agent = facts.get("capability.mini-agent").orElseThrow();
    assertThat(agent.status()).isEqualTo(Status.FAIL);
    assertThat(agent.summary()).isEqualTo("UNVERIFIED Mini agent: a small tool loop");
    assertThat(Shown.reason(agent)).contains("path `acme/agent.py` does not exist")
        .contains("symbol `acme.agent:run` has no module file at HEAD")
        .contains("test `tests/smoke/test_agent.py::test_loop`: not run by the smokes");
    Fact extras = facts.get("capability.extras").orElseThrow();
    assertThat(extras.status()).isEqualTo(Status.WARN);
    assertThat(extras.summary()).isEqualTo("PARTIAL Extras");
    assertThat(Shown.reason(extras)).isEqualTo("not shown: symbol `acme.extras.images:crop` is not defined in "
        + "acme/extras/images.py");
    // Shown in full in the Executive Summary; the Capabilities line links there.
    assertThat(section("Executive Summary", "Capabilities")).contains("UNVERIFIED Mini agent: a small tool loop (not "
        + "shown: path `acme/agent.py` does not exist");
    String caps = section("Capabilities", "Validation Status");
    assertThat(caps).contains("  - **PASS** VERIFIED Router core seam: extracted path behind ACME_ROUTER_CORE")
        .contains("  - **FAIL** UNVERIFIED Mini agent: a small tool … · [see Executive Summary](#executive-summary)")
        .contains("  - **WARN** PARTIAL Extras — not shown: ");
  }

  @Test
  void discoveredAdditionsAndAdvantagesComeFromTheScan() {
    FactSet facts = new FactSet(result.report().facts());
    assertThat(((Value.Paths) facts.get(FactIds.PYTHON_ADDED_MODULES).orElseThrow().value()).paths()).containsExactly(
        "acme/extras/__init__.py", "acme/extras/cache.py: redis", "acme/extras/images.py: resize",
        "acme/router_core.py: extract");
    assertThat(Shown.items(facts.get(FactIds.PYTHON_GUARDED_IMPORTS).orElseThrow().value()))
        .containsExactly("`redis` in `acme/extras/cache.py`");
    assertThat(facts.get(FactIds.PYTHON_CHANGES).orElseThrow().summary())
        .isEqualTo("7 Python files changed since the merge-base (5 added, 2 modified, 0 deleted)");
    assertThat(section("Advantages", "Gaps")).contains("Import-time robustness: 1 import the fork guards");
    assertThat(section("Gaps", "HAPPYPATH Alignment")).contains("**FAIL** Flag sprawl: 2 new flags")
        .contains("**FAIL** Flaky smokes:").contains("**FAIL** Public API drift:");
  }

  @Test
  void aSecondRunParsesNothingNew() throws Exception {
    Path cache = fork.resolve(".forkstate/pyscan");
    assertThat(cache.resolve(".gitignore")).exists();
    try (var files = Files.list(cache)) {
      assertThat(files.filter(p -> p.getFileName().toString().startsWith("pyscan-"))).hasSize(1);
    }
    // A python3 that always fails comes first on PATH: only the cache can answer, and it does.
    Path bin = Files.createDirectories(fork.getParent().resolve("broken-bin"));
    Path py = bin.resolve("python3");
    Files.writeString(py, "#!/bin/sh\necho 'no python here' >&2\nexit 1\n");
    py.toFile().setExecutable(true);
    Map<String, String> brokenPython = new java.util.HashMap<>(env);
    brokenPython.put("PATH", bin + ":" + env.get("PATH"));
    GenerateResult again = new GenerateReport().run(new GenerateRequest(fork, "-", GenerateRequest.Format.MD, true,
        null, brokenPython));
    FactSet facts = new FactSet(again.report().facts());
    assertThat(facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow().value())
        .isEqualTo(new FactSet(result.report().facts()).get(FactIds.HAPPYPATH_FLAGS).orElseThrow().value());
    assertThat(facts.get(FactIds.HAPPYPATH_DEFAULTS).orElseThrow().status()).isEqualTo(Status.FAIL);
  }

  @Test
  void initProposesCapabilitiesThatVerify() throws Exception {
    Path config = fork.resolve("forkstate.yml");
    String kept = Files.readString(config);
    try {
      new dev.forkstate.app.InitConfig().run(fork, true, env);
      String yaml = Files.readString(config);
      assertThat(yaml).contains("""
          capabilities:
            - name: "acme.extras"
              description: ""   # one line: what it gives users
              evidence:
                paths: ["acme/extras/"]
                symbols: ["acme.extras.cache:redis", "acme.extras.images:resize"]
            - name: "acme.router_core"
              description: ""   # one line: what it gives users
              evidence:
                paths: ["acme/router_core.py"]
                symbols: ["acme.router_core:extract"]
          """);
      GenerateResult r = new GenerateReport().run(new GenerateRequest(fork, "-", GenerateRequest.Format.MD, true,
          null, env));
      FactSet facts = new FactSet(r.report().facts());
      assertThat(facts.withPrefix(FactIds.CAPABILITY_PREFIX)).extracting(f -> f.id().value() + " " + f.status()).containsExactly(
          "capability.acme-extras PASS", "capability.acme-router-core PASS");
    } finally {
      Files.writeString(config, kept);
    }
  }
}
