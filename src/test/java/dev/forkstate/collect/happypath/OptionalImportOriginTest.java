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
import dev.forkstate.support.TestEnv;
import dev.forkstate.support.Shown;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found on a real celery fork: {@code try: from typing import TypeAlias / except ImportError} made the standard
 * library "optional", and every plain {@code from typing import Any} an unguarded optional import (FAIL).
 */
class OptionalImportOriginTest {
  @TempDir
  Path tmp;

  @Test
  void onlyADependencyImportedGuardedSomewhereIsOptional() {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    fork.write("lib/compat.py", "try:\n    from typing import TypeAlias\nexcept ImportError:\n"
            + "    from typing_extensions import TypeAlias\ntry:\n    import lib.fast as fast\nexcept ImportError:\n"
            + "    fast = None\ntry:\n    import yaml\nexcept ImportError:\n    yaml = None\n")
        .write("lib/uses.py", "from typing import Any\nimport lib.a\nimport yaml\n\nX: Any = 1\n")
        .commit("fork: compat shims");
    FactSet f = Collecting.judged(new HappyPathCollector(), fork.dir(), "", env, true);
    Fact imports = f.get(FactIds.HAPPYPATH_IMPORTS).orElseThrow();
    assertThat(imports.status()).isEqualTo(Status.FAIL);
    assertThat(Shown.items(imports.value())).singleElement().asString().contains("yaml");
    assertThat(f.get(FactIds.PYTHON_GUARDED_IMPORTS).map(x -> Shown.items(x.value())).orElseThrow())
        .noneMatch(p -> p.contains("`typing`") || p.contains("`lib.fast`"));
  }

  @Test
  void originsOfTopLevelNames() {
    ImportOrigin origin = new ImportOrigin(tmp);
    assertThat(ImportOrigin.stdlib("typing")).isTrue();
    assertThat(ImportOrigin.stdlib("asyncio")).isTrue();
    assertThat(ImportOrigin.stdlib("yaml")).isFalse();
    assertThat(origin.dependency("typing_extensions")).isTrue();
    assertThat(origin.dependency("os.path")).isFalse();
  }
}
