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
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream and a fork with real commits, planted with the settings a name-based rule gets wrong: switches named
 * like secrets (JIRA_AUTH_TYPE, PKG_SECRET_MODE) are flags and judged; a real credential (OPENAI_API_KEY handed on
 * as api_key=) and an env var read only in tests are listed apart, never dropped and never called flags; a Python
 * script without .py (shebang) is scanned, a bash script is not, and a script that does not parse is named with
 * its reason. Upstream's --region-name and PKG_TOOL_REGION_OLD do not make the fork's --region and PKG_TOOL_REGION
 * old: upstream is searched for whole names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagClassesFixtureTest {
  /** In the environment forkstate runs in: the report must never show it. */
  private static final String SECRET_VALUE = "sk-live-0123456789abcdef";
  private static final String CONFIG = "fork_branch: fork/stable\nupstream_ref: upstream/main\n";

  FactSet facts;
  String md;

  @BeforeAll
  void build(@TempDir Path tmp) throws Exception {
    Map<String, String> env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    GitScript up = new GitScript(tmp.resolve("up"), env, 0).init();
    up.write("pkg/__init__.py", "")
        .write("pkg/jira.py", """
            import os


            def connect(url):
                return url
            """)
        .write("tests/test_jira.py", "def test_connect():\n    assert True\n")
        .write("pkg/cli.py", """
            import argparse
            import os

            REGION = os.getenv("PKG_TOOL_REGION_OLD")
            parser = argparse.ArgumentParser()
            parser.add_argument("--region-name")
            parser.add_argument("--dry-run-all")
            """)
        .commit("upstream: jira client, a cli");
    GitScript f = up.cloneTo(tmp.resolve("fork"));
    f.git("remote", "rename", "origin", "upstream");
    f.git("switch", "-q", "-c", "fork/stable");
    f.write("pkg/jira.py", """
            import os


            def connect(url, api_token=None, cache_key=None):
                auth_type = os.getenv("JIRA_AUTH_TYPE", "basic")
                if auth_type == "basic":
                    return url, "basic", send(token=api_token), cache_key
                return url, "scoped"
            """)
        .write("pkg/mode.py", """
            import os

            SECRET_MODE = os.environ.get("PKG_SECRET_MODE") == "1"
            OFFLINE = os.getenv("PKG_LICENSE_KEY", "").lower() == "offline"
            """)
        .write("pkg/llm.py", """
            import os

            from openai import OpenAI

            client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
            """)
        .write("tests/test_jira.py", """
            import os


            def test_connect():
                assert os.environ.get("PKG_TEST_ONLY_URL", "http://localhost") != ""
            """)
        .write("bin/pkg-tool", """
            #!/usr/bin/env python3
            import argparse
            import os


            def main():
                p = argparse.ArgumentParser()
                p.add_argument("--dry-run", action="store_true")
                p.add_argument("--region", default="eu")
                args = p.parse_args()
                if os.getenv("PKG_TOOL_REGION", args.region) == "us":
                    print("us")


            if __name__ == "__main__":
                main()
            """)
        .write("bin/legacy-tool", "#!/usr/bin/python\nprint \"python 2 only\"\n")
        .write("scripts/deploy", """
            #!/bin/bash
            set -e
            if [ -n "$PKG_DEPLOY_TARGET" ]; then echo "$PKG_DEPLOY_TARGET"; fi
            """)
        .write("forkstate.yml", CONFIG)
        .commit("fork: jira auth switch, secret mode, llm client, tool scripts");
    env.put("OPENAI_API_KEY", SECRET_VALUE);
    GenerateResult result = new GenerateReport().run(new GenerateRequest(f.dir(), null, GenerateRequest.Format.MD,
        true, null, env));
    facts = new FactSet(result.report().facts());
    md = Files.readString(f.dir().resolve("STATE_OF_PROJECT.md"));
  }

  @Test
  void switchesNamedLikeSecretsAreFlagsAndJudged() {
    Fact flags = facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow();
    assertThat(flags.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.items(flags.value())).containsExactly(
        "CLI option `--dry-run` in `bin/pkg-tool`",
        "CLI option `--region` in `bin/pkg-tool`",
        "env var `JIRA_AUTH_TYPE` read in `pkg/jira.py`",
        "env var `PKG_LICENSE_KEY` read in `pkg/mode.py` (named like a secret, but compared or parsed: a switch)",
        "env var `PKG_SECRET_MODE` read in `pkg/mode.py`",
        "env var `PKG_TOOL_REGION` read in `bin/pkg-tool`",
        "parameter `connect(cache_key)` added in `pkg/jira.py`");
    assertThat(flags.summary()).startsWith("7 new flags");
    assertThat(md).contains("**FAIL** Flag sprawl: 7 new flags");
  }

  @Test
  void aCredentialIsListedApartAndItsValueNeverShown() {
    Fact creds = facts.get(FactIds.PYTHON_CREDENTIALS).orElseThrow();
    assertThat(creds.status()).isEqualTo(Status.INFO);
    assertThat(Shown.items(creds.value())).containsExactly(
        "env var `OPENAI_API_KEY` read in `pkg/llm.py`: its value is handed on, never compared",
        "parameter `connect(api_token)` added in `pkg/jira.py`: its value is handed on, never compared");
    assertThat(md).contains("- 2 new credentials the fork reads (not flags)")
        .contains("  - env var `OPENAI_API_KEY` read in `pkg/llm.py`: its value is handed on, never compared")
        .doesNotContain(SECRET_VALUE);
  }

  @Test
  void anEnvVarReadOnlyInTestsIsTestOnlyNotFlagSprawl() {
    Fact testOnly = facts.get(FactIds.PYTHON_TEST_ONLY_SETTINGS).orElseThrow();
    assertThat(Shown.items(testOnly.value())).containsExactly("env var `PKG_TEST_ONLY_URL` read in `tests/test_jira.py`");
    assertThat(Shown.items(facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow().value()))
        .noneMatch(l -> l.contains("PKG_TEST_ONLY_URL") || l.contains("OPENAI_API_KEY"));
    assertThat(md).contains("- 1 new setting read only in tests (not flags)");
  }

  /** The shebang scripts count as Python files; the bash one is neither counted nor reported as unparsed. */
  @Test
  void scriptsWithoutPyAreScannedByTheirShebang() {
    Fact changes = facts.get(FactIds.PYTHON_CHANGES).orElseThrow();
    assertThat(changes.summary()).isEqualTo("6 Python files changed since the merge-base (4 added, 2 modified, "
        + "0 deleted)");
    assertThat(changes.status()).isEqualTo(Status.WARN);
    assertThat(Shown.reason(changes)).startsWith("1 file did not parse, so it was not checked: bin/legacy-tool "
        + "(SyntaxError: ");
    assertThat(md).doesNotContain("scripts/deploy").doesNotContain("PKG_DEPLOY_TARGET");
    assertThat(facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow().command()).contains("'*.py' bin/legacy-tool "
        + "bin/pkg-tool");
  }

  /** A script that does not parse is never silently skipped: a rule without violations is UNKNOWN naming it. */
  @Test
  void aScriptThatDoesNotParseIsUnknownWithTheReason() {
    Fact defaults = facts.get(FactIds.HAPPYPATH_DEFAULTS).orElseThrow();
    assertThat(defaults.status()).isEqualTo(Status.UNKNOWN);
    assertThat(Shown.reason(defaults)).startsWith("1 changed Python file did not parse, so it was not checked: "
        + "bin/legacy-tool (SyntaxError: ");
    Fact flags = facts.get(FactIds.HAPPYPATH_FLAGS).orElseThrow();
    assertThat(Shown.reason(flags)).startsWith("also 1 changed Python file did not parse, so it was not checked: "
        + "bin/legacy-tool (SyntaxError: ");
  }
}
