package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.python.ImportOrigin;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import dev.forkstate.support.Collecting;
import dev.forkstate.support.Repos;
import dev.forkstate.support.Shown;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optional packages come from what the project declares. Found on real forks: {@code try: from typing import
 * TypeAlias / except ImportError} made the standard library "optional" (FAIL on every {@code from typing import
 * Any}), every {@code import litellm} inside litellm was an "unguarded optional import", and a package declared in
 * {@code [project.optional-dependencies]} imported at module top in an extras module was a PASS.
 */
class OptionalImportOriginTest {
  @TempDir
  Path tmp;

  private static final String PYPROJECT = """
      [project]
      name = "lib"
      dependencies = ["requests>=2"]
      [project.optional-dependencies]
      yaml = ["PyYAML>=6"]
      genai = ["google-genai>=1.5"]
      """;

  private FactSet judged(String pyproject, Map<String, String> forkFiles) {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    if (pyproject != null) {
      fork.write("pyproject.toml", pyproject);
    }
    forkFiles.forEach(fork::write);
    fork.commit("fork: imports");
    return Collecting.judged(new HappyPathCollector(), fork.dir(), "", env, true);
  }

  @Test
  void stdlibAndOwnPackageUnderTryExceptAreNeverOptionalAndAnUnguardedExtraIsTheFinding() {
    FactSet f = judged(PYPROJECT, Map.of(
        "lib/compat.py", "try:\n    from typing import TypeAlias\nexcept ImportError:\n"
            + "    from typing_extensions import TypeAlias\ntry:\n    import lib.fast as fast\nexcept ImportError:\n"
            + "    fast = None\ntry:\n    import yaml\nexcept ImportError:\n    yaml = None\n",
        "lib/uses.py", "from typing import Any\nimport lib.a\nimport requests\n\nX: Any = 1\n",
        "lib/extras/conf.py", "import yaml\nfrom google import genai\n"));
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.items(imports.value())).containsExactly(
        "optional package `google` (extra `genai` in `pyproject.toml`) imported unguarded at module level in "
            + "`lib/extras/conf.py`: importing `lib.extras.conf` fails without it",
        "optional package `yaml` (extra `yaml` in `pyproject.toml`; imported guarded elsewhere) imported unguarded "
            + "at module level in `lib/extras/conf.py`: importing `lib.extras.conf` fails without it");
    assertThat(f.get(FactIds.PYTHON_GUARDED_IMPORTS).map(x -> Shown.items(x.value())).orElseThrow())
        .noneMatch(p -> p.contains("`typing`") || p.contains("`lib.fast`") || p.contains("`lib`"));
    assertThat(f.get(FactIds.PYTHON_DECLARED_DEPENDENCIES).orElseThrow().summary())
        .isEqualTo("3 distributions declared (1 required, 2 as extras, 0 only in dependency groups, 0 only in "
            + "requirements files)");
    assertThat(Shown.items(f.get(FactIds.PYTHON_DECLARED_DEPENDENCIES).orElseThrow().value())).containsExactly(
        "`PyYAML` (extra yaml, `pyproject.toml`)", "`google-genai` (extra genai, `pyproject.toml`)",
        "`requests` (required, `pyproject.toml`)");
  }

  /**
   * Guarded somewhere is shown, not taken as optional; an undeclared package imported unguarded elsewhere is no PASS
   * either: the project's install does not bring it (WARN, since a declared dependency might).
   */
  @Test
  void aGuardElsewhereAloneDoesNotMakeAPackageOptional() {
    FactSet f = judged(PYPROJECT, Map.of("lib/cache.py", "try:\n    import redis\nexcept ImportError:\n    redis = None\n",
        "lib/store.py", "import redis\n"));
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.WARN);
    assertThat(Shown.items(imports.value())).containsExactly("package `redis` (not declared by the project; imported "
        + "guarded elsewhere) imported unguarded at module level in `lib/store.py`: importing `lib.store` fails "
        + "without it");
    assertThat(Shown.items(f.get(FactIds.PYTHON_GUARDED_IMPORTS).orElseThrow().value()))
        .containsExactly("`redis` in `lib/cache.py`");
  }

  /**
   * Found on a real instructor fork: the core module (imported by the package's __init__) gained
   * {@code from google.genai import types} while the project declares only google-generativeai (an extra) and never
   * google-genai, so {@code import instructor} fails for every user without it. It read PASS "optional packages are
   * imported guarded".
   */
  @Test
  void anUndeclaredPackageImportedByTheForksCoreModuleIsAWarningNotAPass() {
    String pyproject = """
        [project]
        name = "lib"
        dependencies = ["requests>=2"]
        [project.optional-dependencies]
        google-generativeai = ["google-generativeai<1.0.0,>=0.8.2"]
        """;
    FactSet f = judged(pyproject, Map.of("lib/process_response.py",
        "import requests\nfrom google.genai import types\n\nX = types\n"));
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.WARN);
    assertThat(imports.summary()).isEqualTo("1 new unguarded import of a package the project does not declare");
    assertThat(imports.reason()).startsWith("installing the project does not bring it unless a declared dependency");
    assertThat(Shown.items(imports.value())).containsExactly("package `google` (not declared by the project) "
        + "imported unguarded at module level in `lib/process_response.py`: importing `lib.process_response` fails "
        + "without it");
  }

  /** A repository that declares nothing (scripts, no packaging file) has no install to break: no finding. */
  @Test
  void withNothingDeclaredAnUndeclaredImportIsNoFinding() {
    FactSet f = judged(null, Map.of("tool.py", "import redis\n"));
    assertThat(f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().status()).isEqualTo(Status.PASS);
  }

  /**
   * A package declared only in a dependency group (dev tooling) is not installed with the project: the fork's module
   * that imports it unguarded fails for every user (a real fork imported a dev-group package from its transport).
   */
  @Test
  void aDevGroupPackageImportedByTheForksCodeIsOptional() {
    FactSet f = judged(PYPROJECT + "\n[dependency-groups]\ndev = [\"rustimport>=1.0\"]\n",
        Map.of("lib/transport.py", "import rustimport\n"));
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.items(imports.value())).singleElement().asString()
        .startsWith("optional package `rustimport` (dependency group `dev` in `pyproject.toml`) imported unguarded");
  }

  /** Tests may need dev dependencies: their imports are a line apart, never import-time fragility. */
  @Test
  void testFilesImportsAreReportedApart() {
    FactSet f = judged(PYPROJECT, Map.of("tests/test_conf.py", "import yaml\nimport pytest\n",
        "t/unit/conftest.py", "import moto\n"));
    assertThat(f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().status()).isEqualTo(Status.PASS);
    Fact tests = f.get(FactIds.PYTHON_TEST_IMPORTS).orElseThrow();
    assertThat(tests.status()).isEqualTo(Status.INFO);
    assertThat(Shown.items(tests.value())).containsExactly(
        "tests import `moto` (not declared by the project) in `t/unit/conftest.py`",
        "tests import `pytest` (not declared by the project) in `tests/test_conf.py`",
        "tests import `yaml` (extra `yaml` in `pyproject.toml`) in `tests/test_conf.py`");
  }

  /** A malformed pyproject.toml: said UNKNOWN with the reason, and a new import is not judged optional or not. */
  @Test
  void malformedPyprojectIsUnknownWithTheReasonNotACrash() {
    FactSet f = judged("[project\nname = 'lib'\n", Map.of("lib/extras/conf.py", "import yaml\n"));
    Fact declared = f.get(FactIds.PYTHON_DECLARED_DEPENDENCIES).orElseThrow();
    assertThat(declared.status()).isEqualTo(Status.UNKNOWN);
    assertThat(declared.reason()).startsWith("could not read pyproject.toml (not valid TOML");
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.UNKNOWN);
    assertThat(imports.reason()).startsWith("the declared extras could not be read: pyproject.toml: not valid TOML");
    assertThat(Shown.items(imports.value())).singleElement().asString().startsWith("package `yaml` (not declared");
  }

  @Test
  void aSetupPyThatComputesItsListsIsSaidUnread() {
    FactSet f = judged(null, Map.of("setup.py", "import setuptools\nsetuptools.setup(name='lib', "
        + "install_requires=reqs('default.txt'), extras_require=extras_require())\n", "lib/x.py", "import os\n"));
    Fact declared = f.get(FactIds.PYTHON_DECLARED_DEPENDENCIES).orElseThrow();
    assertThat(declared.status()).isEqualTo(Status.UNKNOWN);
    assertThat(declared.reason()).isEqualTo("could not read setup.py (computed: "
        + "extras_require=extras_require()); setup.py (computed: install_requires=reqs('default.txt'))");
    // No new third-party import: nothing is left undecided, so the rule still answers.
    assertThat(f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow().status()).isEqualTo(Status.PASS);
  }

  @Test
  void originsOfTopLevelNames() {
    ImportOrigin origin = new ImportOrigin(tmp);
    assertThat(ImportOrigin.stdlib("typing")).isTrue();
    assertThat(ImportOrigin.stdlib("asyncio")).isTrue();
    assertThat(ImportOrigin.stdlib("yaml")).isFalse();
    assertThat(origin.dependency("typing_extensions")).isTrue();
    assertThat(origin.dependency("os.path")).isFalse();
    assertThat(ImportFindings.testFile("t/unit/app/test_x.py")).isTrue();
    assertThat(ImportFindings.testFile("tests/helpers.py")).isTrue();
    assertThat(ImportFindings.testFile("lib/testing_utils.py")).isFalse();
  }
}
