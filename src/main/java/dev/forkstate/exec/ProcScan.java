package dev.forkstate.exec;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * One pass over {@code /proc} that finds what a set of commands left alive ({@link ProcessTree} says what belongs
 * to a command). One pass serves any number of commands: the cost is reading each process's stat once, whatever
 * the number of commands it is checked against, so commands that finished together are swept together.
 *
 * <p>The machine may run hundreds of processes: each one's start time (in {@code /proc/<pid>/stat}, read anyway for
 * the session) is compared first, and only a process that started no earlier than some command (no earlier than a
 * bound taken just before it started, {@link ProcessTree#notBefore()}) has its environment read. Whatever a command
 * left started after it did: a marker is inherited only by its descendants, and a session or group with the command's
 * pid as its id exists only from the command's start on (Linux does not hand out a pid that is still a session or
 * group id). The start only narrows whose environment is read: an earlier bound reads more, never finds less.
 *
 * <p>A pass reads every process's stat (the kernel gives no cheaper list of starts or sessions; a rule that skips
 * processes by pid alone fails once pid numbers wrap, which a busy machine with pid_max 32768 does in seconds), so
 * passes are few ({@link LeftoverSweeper}).
 */
final class ProcScan {
  static final Path PROC = Path.of("/proc");
  /** A stat line is a few hundred bytes (a command name of at most 16, 52 numbers). */
  private static final int STAT_BYTES = 2048;
  private static final byte[] ANY_MARKER = (ProcessTree.MARKER_VARIABLE + "=").getBytes(StandardCharsets.UTF_8);

  private ProcScan() {}

  static boolean available() {
    return Files.isDirectory(PROC);
  }

  /**
   * Live processes carrying one of the trees' markers, or in a tree's session or group and carrying no marker at
   * all. Pids are reused (pid_max is often 32768): once a leader is gone and reaped, a process with its pid, or in a
   * session or group with that id, is another program's. Another forkstate command carries its own marker and is
   * left alone; a live process holding a gone leader's pid shows the number was handed out again, so nothing is
   * taken for that tree's session or group (Linux reuses the number only once no session or group has it).
   */
  static Set<Long> leftovers(Collection<ProcessTree> trees) {
    Set<Long> found = new HashSet<>();
    if (trees.isEmpty()) {
      return found;
    }
    long since = trees.stream().mapToLong(ProcessTree::started).min().orElse(0);
    long self = ProcessHandle.current().pid();
    Set<ProcessTree> reused = new HashSet<>();
    java.util.Map<Long, ProcessTree> sessionMembers = new java.util.HashMap<>();
    String[] names = PROC.toFile().list();
    byte[] buf = new byte[STAT_BYTES];
    for (String name : names == null ? new String[0] : names) {
      if (!isPid(name)) {
        continue;
      }
      long pid = Long.parseLong(name);
      String dir = "/proc/" + name;
      Stat stat = pid == self ? null : Stat.read(dir, buf);
      if (stat == null || stat.start() < since) {
        continue; // ourselves, gone, or older than every command: not one of theirs
      }
      byte[] env = null;
      for (ProcessTree tree : trees) {
        if (stat.start() < tree.started()) {
          continue;
        }
        if (pid == tree.leader() && tree.leaderGone()) {
          reused.add(tree); // the gone leader's number, handed out again: another program's
          continue;
        }
        env = env == null ? environ(dir) : env;
        if (contains(env, tree.markerVariable())) {
          found.add(pid);
        } else if (stat.inSessionOf(tree.leader()) && !contains(env, ANY_MARKER)) {
          sessionMembers.put(pid, tree);
        }
      }
    }
    sessionMembers.forEach((pid, tree) -> {
      if (!reused.contains(tree)) {
        found.add(pid);
      }
    });
    return found;
  }

  private static boolean isPid(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return !name.isEmpty();
  }

  /** A process's start in clock ticks since boot, 0 where unknown (gone, or no /proc). */
  static long startTicks(String dir) {
    Stat stat = Stat.read(dir, new byte[STAT_BYTES]);
    return stat == null ? 0 : stat.start();
  }

  /**
   * What the scan needs of /proc/pid/stat: the state (field 3), group and session ids (fields 5 and 6), and the start
   * time in clock ticks since boot (field 22). Fields are counted after the command name in brackets, which may
   * itself hold spaces and brackets. Read as bytes and parsed in place: the scan reads one per process per pass.
   */
  record Stat(byte state, long group, long session, long start) {
    /** A bound on where the command name's closing bracket is: 10 digits, " (", 15 bytes, ")"; with a margin. */
    static final int NAME_END = 64;

    /**
     * Reads {@code dir/stat} into {@code buf} (a scan reuses one buffer: it reads one file per process on the
     * machine); null when the process is gone or the file is not readable.
     */
    static Stat read(String dir, byte[] buf) {
      try (FileInputStream in = new FileInputStream(dir + "/stat")) {
        int n = 0;
        for (int r; n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0; ) {
          n += r;
        }
        return parse(buf, n);
      } catch (IOException | RuntimeException e) {
        return null; // gone meanwhile, or not readable
      }
    }

    /**
     * The stat file's text, its first {@code length} bytes of {@code b}; null when it ends before field 22. The
     * command name ends by byte {@link #NAME_END}: the kernel keeps at most 15 bytes of it (TASK_COMM_LEN 16 with
     * its NUL), after a pid of at most 10 digits and " (". The last ')' before that ends it; the fields after it are
     * numbers and a state letter, so the search need not start at the line's end.
     */
    static Stat parse(byte[] b, int length) {
      int i = Math.min(length, NAME_END) - 1;
      while (i >= 0 && b[i] != ')') {
        i--;
      }
      if (i < 0 || i + 2 >= length) {
        return null;
      }
      long[] f = new long[20]; // fields 3 to 22; field 3 (the state) is a letter and kept apart
      byte state = b[i + 2];
      int field = 0;
      for (int k = i + 2; k < length && field < f.length; k++) {
        byte c = b[k];
        if (c == ' ') {
          field++;
        } else if (field > 0 && c >= '0' && c <= '9') {
          f[field] = f[field] * 10 + (c - '0');
        }
      }
      return field < f.length - 1 ? null : new Stat(state, f[2], f[3], f[19]);
    }

    /** In the leader's group or session, and not a zombie (dead already; its parent reaps it). */
    boolean inSessionOf(long leader) {
      return state != 'Z' && (group == leader || session == leader);
    }
  }

  /** The process's environment (NUL-separated), empty when it is not readable (another user's) or gone. */
  private static byte[] environ(String dir) {
    try (FileInputStream in = new FileInputStream(dir + "/environ")) {
      return in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return new byte[0];
    }
  }

  /** Whether a variable of the environment starts with {@code needle}. */
  static boolean contains(byte[] env, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= env.length; i++) {
      if (i > 0 && env[i - 1] != 0) {
        continue; // a variable starts after a NUL
      }
      for (int j = 0; j < needle.length; j++) {
        if (env[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
