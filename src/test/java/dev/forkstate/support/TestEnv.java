package dev.forkstate.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** An environment for forkstate under test: the real PATH, an isolated HOME and no user or system git config. */
public final class TestEnv {
  private TestEnv() {}

  public static Map<String, String> isolated(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("LC_ALL", "C.UTF-8");
    env.put("SOURCE_DATE_EPOCH", "1767225600");
    // The fixtures' smokes use no pytest plugin, and a machine's pytest may auto-load heavy ones (hypothesis took
    // 0.9 s of imports on every run here); forkstate's own plugin is named with -p, which this does not turn off.
    env.put("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1");
    for (String keep : new String[] {"PYENV_ROOT", "PYENV_VERSION", "JAVA_HOME", "TMPDIR"}) {
      String v = System.getenv(keep);
      if (v != null) {
        env.put(keep, v);
      }
    }
    // pyenv shims find their root through PYENV_ROOT or $HOME/.pyenv; HOME is isolated here, so name the root.
    if (!env.containsKey("PYENV_ROOT")) {
      Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv");
      if (java.nio.file.Files.isDirectory(pyenv)) {
        env.put("PYENV_ROOT", pyenv.toString());
      }
    }
    return env;
  }
}
