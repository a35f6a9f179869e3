package dev.forkstate.collect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.detect.ProjectDetector;
import dev.forkstate.config.ForkstateConfig;
import dev.forkstate.config.SettingsResolver;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pyscan.py through the real python3 on real git blobs: what it reads from a file, and what it says when it can't. */
class PythonScannerTest {
  @TempDir
  Path tmp;

  private PythonScanner.Scan scan(Map<String, String> files, Map<String, String> env) throws Exception {
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init();
    files.forEach(g::write);
    g.commit("files");
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    GitCli git = new GitCli(g.dir(), runner);
    var settings = SettingsResolver.resolve(ForkstateConfig.empty(), ProjectDetector.detect(g.dir(), git,
        Runnable::run));
    CollectContext ctx = new CollectContext(g.dir(), settings, runner, true, git, Runnable::run, List.of());
    List<String> blobs = GitCli.lines(git.run("ls-files", "-s")).stream().map(l -> l.split("\\s+")[1]).toList();
    return new PythonScanner(ctx).scan(blobs);
  }

  @Test
  void readsEnvCliSignaturesImportsAndSymbols() throws Exception {
    String src = """
        import os
        import argparse
        import click
        try:
            import numpy as np
        except (ImportError, AttributeError):
            np = None
        FLAG = "ACME_VIA_CONSTANT"
        A = os.environ.get("ACME_A", "1")
        B = os.environ["ACME_B"]
        C = os.getenv(FLAG)
        if "ACME_D" in os.environ:
            pass

        class Router:
            def __init__(self, model, timeout=30, *args, router_core=None, **kw):
                pass
            def _hidden(self):
                pass

        class _Private:
            def visible_but_private_class(self):
                pass

        def main(argv=None):
            p = argparse.ArgumentParser()
            p.add_argument("--fast", "-f", action="store_true")

        @click.command()
        @click.option("--color/--no-color", default=True)
        def cli(color):
            pass
        """;
    PyModule m = scan(Map.of("acme/x.py", src), TestEnv.isolated(tmp.resolve("home"))).modules().values()
        .iterator().next();
    assertThat(m.error()).isEmpty();
    assertThat(m.env()).containsExactlyInAnyOrder("ACME_A", "ACME_B", "ACME_VIA_CONSTANT", "ACME_D");
    assertThat(m.cli()).containsExactlyInAnyOrder("--fast", "-f", "--color/--no-color");
    assertThat(m.functions()).containsOnlyKeys("Router.__init__", "main", "cli");
    assertThat(m.functions().get("Router.__init__")).containsExactly(
        new PyModule.Param("self", "param", null), new PyModule.Param("model", "param", null),
        new PyModule.Param("timeout", "param", "30"), new PyModule.Param("args", "*args", null),
        new PyModule.Param("router_core", "keyword", "None"), new PyModule.Param("kw", "**kwargs", null));
    assertThat(m.topImports()).containsExactlyInAnyOrder("os", "argparse", "click");
    assertThat(m.guardedImports()).containsExactly("numpy");
    assertThat(m.symbols()).contains("Router", "Router.__init__", "Router._hidden", "FLAG", "main", "cli",
        "_Private");
  }

  /**
   * What the code does with each value: a secret-named switch is compared, a credential is handed on, a value tested
   * for being set and then handed on is still handed on; an env var set (not read) is not read.
   */
  @Test
  void tracesHowEachValueIsUsed() throws Exception {
    String src = """
        import os, argparse
        from openai import OpenAI

        auth_type = os.getenv("JIRA_AUTH_TYPE", "basic")
        if auth_type == "basic":
            pass
        MODE = os.environ.get("PKG_SECRET_MODE") == "1"
        client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
        tok = os.getenv("GH_TOKEN")
        if not tok:
            raise SystemExit("set GH_TOKEN")
        headers = {"Authorization": f"Bearer {tok}"}
        DEBUG = os.getenv("X_DEBUG", "").lower() in ("1", "true")
        TIMEOUT = int(os.getenv("X_TIMEOUT", "30"))
        QUIET = bool(os.getenv("X_QUIET"))
        os.environ["SET_ONLY"] = "1"

        class C:
            def __init__(self, model, api_key=None, auth_mode="a"):
                self.api_key = api_key or os.getenv("C_API_KEY")
                if auth_mode == "b":
                    pass
            def call(self):
                return send(headers={"k": self.api_key})

        def main():
            p = argparse.ArgumentParser()
            p.add_argument("--api-key")
            p.add_argument("--auth-type", choices=["a", "b"])
            args = p.parse_args()
            if args.auth_type == "a":
                OpenAI(api_key=args.api_key)
        """;
    PyModule m = scan(Map.of("acme/x.py", src), TestEnv.isolated(tmp.resolve("home"))).modules().values()
        .iterator().next();
    assertThat(m.env()).doesNotContain("SET_ONLY");
    assertThat(m.uses().env()).containsOnly(
        Map.entry("JIRA_AUTH_TYPE", Set.of(ValueUse.COMPARED)), Map.entry("PKG_SECRET_MODE", Set.of(ValueUse.COMPARED)),
        Map.entry("OPENAI_API_KEY", Set.of(ValueUse.PASSED)),
        Map.entry("GH_TOKEN", Set.of(ValueUse.PASSED, ValueUse.PRESENCE)),
        Map.entry("X_DEBUG", Set.of(ValueUse.COMPARED)), Map.entry("X_TIMEOUT", Set.of(ValueUse.COMPARED)),
        Map.entry("X_QUIET", Set.of(ValueUse.PRESENCE)), Map.entry("C_API_KEY", Set.of(ValueUse.PASSED)));
    // Only secret-like parameters are traced (model is not), through self.api_key to the header it becomes.
    assertThat(m.uses().params()).containsOnly(Map.entry("C.__init__", Map.of("api_key", Set.of(ValueUse.PASSED),
        "auth_mode", Set.of(ValueUse.COMPARED))));
    assertThat(m.uses().cli()).containsOnly(Map.entry("--api-key", Set.of(ValueUse.PASSED)),
        Map.entry("--auth-type", Set.of(ValueUse.COMPARED)));
    assertThat(m.shebang()).isEmpty();
  }

  /** A file's #! line is read whether or not it parses: it tells a Python script without .py from a shell one. */
  /** The caches' key changes with the script (and the secret name parts it is given), and only then. */
  @Test
  void theScannersIdentityChangesWithItsTextOnly() {
    assertThat(PythonScanner.version()).matches("[0-9a-f]{16}").isEqualTo(PythonScanner.version());
    assertThat(PythonScanner.identity("import ast\n")).isEqualTo(PythonScanner.identity("import ast\n"))
        .isNotEqualTo(PythonScanner.identity("import ast\n\n"))
        .isNotEqualTo(PythonScanner.identity("import sys\n"));
    // An edit that keeps the length and every byte, in another order.
    assertThat(PythonScanner.identity("ab")).isNotEqualTo(PythonScanner.identity("ba"));
  }

  @Test
  void readsTheShebangOfEveryFile() throws Exception {
    PythonScanner.Scan s = scan(Map.of("bin/tool", "#!/usr/bin/env python3\nimport os\n", "bin/run",
        "#!/bin/bash\nset -e\necho \"$HOME\"\n"), TestEnv.isolated(tmp.resolve("home")));
    assertThat(s.modules().values()).extracting(PyModule::shebang)
        .containsExactlyInAnyOrder("#!/usr/bin/env python3", "#!/bin/bash");
    assertThat(s.modules().values()).filteredOn(m -> m.shebang().contains("bash")).singleElement()
        .satisfies(m -> assertThat(m.parsed()).isFalse());
  }

  @Test
  void aFileThatDoesNotParseSaysWhyAndPythonMissingIsUnavailable() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    PythonScanner.Scan s = scan(Map.of("bad.py", "def broken(:\n"), env);
    assertThat(s.modules().values().iterator().next().error()).startsWith("SyntaxError: ").contains("(line 1)");
    assertThat(s.parsedNow()).isEqualTo(1);

    Map<String, String> noPython = new java.util.HashMap<>(env);
    noPython.put("PATH", tmp.resolve("empty-bin").toString() + ":/nonexistent");
    GitScript g = new GitScript(tmp.resolve("r2"), env, 0).init().write("a.py", "x = 1\n").commit("a");
    CommandRunner runner = new CommandRunner(noPython, Redactor.none());
    GitCli git = new GitCli(g.dir(), new CommandRunner(env, Redactor.none()));
    var settings = SettingsResolver.resolve(ForkstateConfig.empty(), ProjectDetector.detect(g.dir(), git,
        Runnable::run));
    CollectContext ctx = new CollectContext(g.dir(), settings, runner, true, git, Runnable::run, List.of());
    String blob = GitCli.firstLine(git.run("rev-parse", "HEAD:a.py"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PythonScanner(ctx).scan(List.of(blob)))
        .isInstanceOf(PythonScanner.Unavailable.class).hasMessageContaining("python3");
  }
}
