package dev.forkstate.app.demo;

import java.nio.file.Path;
import java.util.Map;

/**
 * A small, real fork to run forkstate on: an upstream Python package ("minillm"), a fork of it with a remote named
 * upstream, fork-only code (a router seam behind a flag, extras), a pytest smoke suite with a test that skips when
 * node is absent, a workflow, a happy-path guide, a tag, and upstream commits the fork has not merged yet.
 */
public final class DemoProject {
  public static final String FORK_BRANCH = "fork/stable";

  private DemoProject() {}

  /** Builds the demo under {@code root} and returns the fork's work tree. */
  public static Path build(Path root, Map<String, String> env) {
    GitScript up = new GitScript(root.resolve("minillm"), env, 0).init();
    up.write("README.md", "# minillm\n\nA tiny LLM gateway.\n")
        .write("minillm/__init__.py", "__version__ = \"1.0.0\"\n")
        .write("minillm/router.py", ROUTER_V1)
        .write("tests/test_router.py", UPSTREAM_TEST)
        .commit("Initial gateway and router")
        .write("minillm/utils.py", "def clamp(x, lo, hi):\n    return max(lo, min(hi, x))\n")
        .commit("Add utils")
        .tag("v1.0.0");

    GitScript fork = up.cloneTo(root.resolve("fork"));
    fork.git("remote", "rename", "origin", "upstream");
    fork.git("switch", "-q", "-c", FORK_BRANCH);
    fork.write("minillm/router.py", ROUTER_FORK)
        .write("minillm/router_core/__init__.py", "")
        .write("minillm/router_core/extracted.py", EXTRACTED)
        .commit("Router: add router_core seam (flag-gated, legacy default)")
        .write("minillm/extras/__init__.py", "")
        .write("minillm/extras/response_utils.py", RESPONSE_UTILS)
        .write("minillm/extras/cache.py", CACHE)
        .commit("Extras: response utils and cache helper")
        .write("tests/smoke/test_router_core.py", SMOKE_ROUTER)
        .write("tests/smoke/test_extras.py", SMOKE_EXTRAS)
        .write("tests/smoke/test_node_gateway.py", SMOKE_NODE)
        .write(".github/workflows/fork-smokes.yml", WORKFLOW)
        .write("local/docs/01_guides/HAPPYPATH_GUIDE.md", GUIDE)
        .write("local/scripts/live_checks.py", LIVE_CHECKS)
        .write(".gitignore", "STATE_OF_PROJECT.md\nSTATE_OF_PROJECT.json\n__pycache__/\n.pytest_cache/\n")
        .write("forkstate.yml", CONFIG)
        .commit("Smokes, CI workflow, happy-path guide, forkstate config")
        .tag("v1.0.0-fork.1");

    // Upstream moves on after the fork was cut: the fork is now behind.
    up.write("minillm/utils.py", "def clamp(x, lo, hi):\n    return max(lo, min(hi, x))\n\n\n"
            + "def chunks(xs, n):\n    return [xs[i:i + n] for i in range(0, len(xs), n)]\n")
        .commit("utils: add chunks")
        .write("README.md", "# minillm\n\nA tiny LLM gateway.\n\nSee docs for providers.\n")
        .commit("README: providers");
    fork.git("fetch", "-q", "upstream");

    // A bare "origin" the fork pushes to, so the branch has a tracking remote.
    fork.git("init", "-q", "--bare", root.resolve("origin.git").toString());
    fork.git("remote", "add", "origin", root.resolve("origin.git").toString());
    fork.git("push", "-q", "-u", "origin", FORK_BRANCH, "--follow-tags");
    return fork.dir();
  }

  private static final String ROUTER_V1 = """
      class Router:
          def __init__(self, model_list, timeout=30):
              self.model_list = list(model_list)
              self.timeout = timeout

          def completion(self, model, messages):
              if model not in self.model_list:
                  raise ValueError("unknown model: " + model)
              return {"model": model, "content": messages[-1]["content"]}
      """;

  private static final String ROUTER_FORK = """
      import os


      class Router:
          def __init__(self, model_list, timeout=30, router_core=None):
              self.model_list = list(model_list)
              self.timeout = timeout
              self.router_core = router_core or os.environ.get("MINILLM_ROUTER_CORE", "legacy")

          def completion(self, model, messages):
              if model not in self.model_list:
                  raise ValueError("unknown model: " + model)
              if self.router_core == "extracted":
                  from minillm.router_core.extracted import complete
                  return complete(model, messages)
              return {"model": model, "content": messages[-1]["content"]}
      """;

  private static final String EXTRACTED = """
      def complete(model, messages):
          return {"model": model, "content": messages[-1]["content"]}
      """;

  private static final String RESPONSE_UTILS = """
      def extract_content(response):
          return response.get("content", "")


      def assemble_stream_text(chunks):
          return "".join(c.get("content", "") for c in chunks)
      """;

  private static final String CACHE = """
      def configure_cache(router, ttl_seconds=60):
          router.cache_ttl = ttl_seconds
          return router
      """;

  private static final String UPSTREAM_TEST = """
      from minillm.router import Router


      def test_completion_echoes():
          r = Router(["m"])
          assert r.completion("m", [{"content": "hi"}])["content"] == "hi"
      """;

  private static final String SMOKE_ROUTER = """
      from minillm.router import Router


      def test_legacy_is_default():
          assert Router(["m"]).router_core == "legacy"


      def test_extracted_matches_legacy():
          msgs = [{"content": "hello"}]
          legacy = Router(["m"]).completion("m", msgs)
          extracted = Router(["m"], router_core="extracted").completion("m", msgs)
          assert legacy == extracted
      """;

  private static final String SMOKE_EXTRAS = """
      from minillm.extras.response_utils import assemble_stream_text, extract_content


      def test_extract_content():
          assert extract_content({"content": "x"}) == "x"


      def test_assemble_stream_text():
          assert assemble_stream_text([{"content": "a"}, {"content": "b"}]) == "ab"
      """;

  private static final String SMOKE_NODE = """
      import shutil
      import subprocess

      import pytest


      @pytest.mark.skipif(shutil.which("node") is None, reason="node not installed: Node gateway demo skipped")
      def test_node_gateway_answers():
          out = subprocess.run(["node", "-e", "console.log(JSON.stringify({ok: 1 + 1 === 2}))"],
                               capture_output=True, text=True, timeout=30)
          assert out.returncode == 0
          assert '"ok":true' in out.stdout
      """;

  private static final String WORKFLOW = """
      name: fork-smokes
      on:
        push:
          branches: [fork/stable]
        pull_request:
          branches: [fork/stable]
      jobs:
        smokes:
          runs-on: ubuntu-latest
          strategy:
            matrix:
              python: ["3.12"]
          steps:
            - uses: actions/checkout@v4
            - uses: actions/setup-python@v5
              with:
                python-version: ${{ matrix.python }}
            - run: pip install pytest
            - run: PYTHONPATH=$(pwd) pytest -q tests/smoke
      """;

  private static final String GUIDE = """
      # HAPPYPATH guide

      - One flag only: `MINILLM_ROUTER_CORE` (`legacy` default, `extracted` opt-in).
      - Defaults never change.
      - Smokes are deterministic: `PYTHONPATH=$(pwd) pytest -q tests/smoke`
      - Commands in docs are copy-paste ready.

      Try the extracted path:

      ```bash
      MINILLM_ROUTER_CORE=extracted PYTHONPATH=$(pwd) pytest -q tests/smoke/test_router_core.py
      ```
      """;

  private static final String LIVE_CHECKS = """
      import os
      import sys

      key = os.environ.get("MINILLM_API_KEY")
      if not key:
          sys.exit("MINILLM_API_KEY not set")
      print("live check would call the provider here")
      """;

  private static final String CONFIG = """
      # forkstate.yml for the demo fork
      project: minillm fork
      fork_branch: fork/stable
      upstream_ref: upstream/main
      smokes:
        - name: smokes
          command: PYTHONPATH=$(pwd) pytest -q tests/smoke
          timeout_seconds: 300
      live_check:
        command: PYTHONPATH=$(pwd) python3 local/scripts/live_checks.py
        requires_env: [MINILLM_API_KEY]
      ci:
        workflow: .github/workflows/fork-smokes.yml
        job: "3.12"
      guide: local/docs/01_guides/HAPPYPATH_GUIDE.md
      paths:
        - minillm/router_core/extracted.py
        - minillm/extras/cache.py
      happypath:
        allowed_flags: [router_core]   # the seam's keyword on Router.__init__; its env flag is in the guide
      capabilities:
        - name: Router core seam
          description: extracted completion path behind MINILLM_ROUTER_CORE; legacy stays the default
          evidence:
            paths: [minillm/router_core/extracted.py]
            symbols: ["minillm.router_core.extracted:complete"]
            env: [MINILLM_ROUTER_CORE]
            tests: ["tests/smoke/test_router_core.py::test_extracted_matches_legacy"]
        - name: Extras
          description: cache and response helpers that cut boilerplate
          evidence:
            paths: [minillm/extras/cache.py]
            symbols: ["minillm.extras.response_utils:assemble_stream_text"]
            tests: ["tests/smoke/test_extras.py::test_assemble_stream_text"]
      """;
}
