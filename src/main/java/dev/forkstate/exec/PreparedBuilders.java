package dev.forkstate.exec;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@link ProcessBuilder} per thread for a runner, whose environment stays the runner's base environment between
 * commands: a new builder copies this JVM's whole environment ({@link ProcessBuilder#environment()}), which the
 * runner then cleared and refilled variable by variable, for each of a run's few dozen commands. Here that is done
 * once per thread; a command sets its own variables and the marker, and the next command on the thread first puts
 * back what they replaced (the base value, or nothing), so no command sees another's variables.
 */
final class PreparedBuilders {
  private final Map<String, String> base;
  private final ThreadLocal<Prepared> perThread = ThreadLocal.withInitial(Prepared::new);

  PreparedBuilders(Map<String, String> base) {
    this.base = base;
  }

  /** This thread's builder for {@code argv} in {@code dir}, its environment the base plus {@code extra}. */
  ProcessBuilder prepare(List<String> argv, File dir, Map<String, String> extra, String markerVariable,
      String marker) {
    Prepared p = perThread.get();
    Map<String, String> env = p.builder.environment();
    if (!p.filled) {
      env.clear();
      env.putAll(base);
      p.filled = true;
    }
    for (String name : p.set) {
      String was = base.get(name);
      if (was == null) {
        env.remove(name);
      } else {
        env.put(name, was);
      }
    }
    p.set.clear();
    for (Map.Entry<String, String> e : extra.entrySet()) {
      env.put(e.getKey(), e.getValue());
      p.set.add(e.getKey());
    }
    env.put(markerVariable, marker);
    p.set.add(markerVariable);
    return p.builder.command(argv).directory(dir);
  }

  /** A thread's builder and the variables the last command on it set over the base. */
  private static final class Prepared {
    final ProcessBuilder builder = new ProcessBuilder();
    final List<String> set = new ArrayList<>();
    boolean filled;
  }
}
