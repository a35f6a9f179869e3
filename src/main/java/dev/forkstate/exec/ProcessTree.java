package dev.forkstate.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one command started, and how to end it all. What Linux allows without privileges:
 * <ul>
 *   <li>the command runs under {@code setsid}, so it leads a new session and process group whose ids are its pid:
 *       children that stay in the group or the session are found by those ids in {@code /proc/<pid>/stat}, even
 *       after the command itself exited and they were re-parented to init;</li>
 *   <li>a child that calls {@code setsid} itself (a daemon) leaves both; it still carries the command's environment,
 *       so each run gets a unique marker variable ({@link #MARKER_VARIABLE}) found in {@code /proc/<pid>/environ}
 *       (readable for the user's own processes);</li>
 *   <li>a child that both leaves the session and clears its environment cannot be told apart from the user's own
 *       processes without a cgroup (which needs privileges or systemd): it is not found.</li>
 * </ul>
 * Found processes get SIGKILL; the scan repeats until none is left, so a parent forking while it is killed does
 * not leave a child behind. Without {@code /proc} (not Linux) only the live descendants are ended.
 *
 * <p>The scan runs after every command and the machine may run hundreds of processes: each one's start time (in
 * {@code /proc/<pid>/stat}, read anyway for the session) is compared first, and only a process that started no
 * earlier than the command has its environment read. Whatever the command left started after it did: a marker is
 * inherited only by its descendants, and a session or group with the command's pid as its id exists only from the
 * command's start on (Linux does not hand out a pid that is still a session or group id).
 */
public final class ProcessTree {
  public static final String MARKER_VARIABLE = "FORKSTATE_RUN";
  private static final Path PROC = Path.of("/proc");
  private static final AtomicLong NEXT = new AtomicLong();
  private static final int MAX_ROUNDS = 20;

  /** This JVM's start in clock ticks since boot: every command it runs started later (0 where unknown). */
  private static final long SELF_START = startTicks(PROC.resolve("self"));

  private final Process process;
  private final String marker;
  /** The command's start in clock ticks since boot, or this JVM's when it was gone before it could be read. */
  private final long started;

  private ProcessTree(Process process, String marker) {
    this.process = process;
    this.marker = marker;
    this.started = Math.max(SELF_START, startTicks(PROC.resolve(Long.toString(process.pid()))));
  }

  /** A marker no other run (of this or another forkstate) uses: this JVM's pid and a counter. */
  static String newMarker() {
    return ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
  }

  static ProcessTree of(Process process, String marker) {
    return new ProcessTree(process, marker);
  }

  /** The argv prefix that starts a command in its own session, or nothing where setsid is not installed. */
  static List<String> sessionPrefix() {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path setsid = Path.of(dir, "setsid");
      if (Files.isExecutable(setsid)) {
        return List.of(setsid.toString(), "--wait");
      }
    }
    return List.of();
  }

  /** Ends the command and every process it left, wherever it went; returns how many processes were killed. */
  int kill() {
    long leader = process.pid();
    Set<Long> killed = new HashSet<>();
    List<ProcessHandle> descendants = process.descendants().toList(); // before the leader dies and they re-parent
    // Through the handle: Process.destroyForcibly also closes the pipes, and the readers would lose output that a
    // command which exited by itself left in them.
    process.toHandle().destroyForcibly();
    descendants.forEach(p -> {
      if (p.destroyForcibly()) {
        killed.add(p.pid());
      }
    });
    if (!Files.isDirectory(PROC)) {
      return killed.size();
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<Long> found = scan(leader);
      found.removeIf(pid -> pid == leader && !process.isAlive());
      if (found.isEmpty()) {
        break;
      }
      for (long pid : found) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        killed.add(pid);
      }
      try {
        Thread.sleep(10); // let the kernel deliver before looking again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return killed.size();
  }

  /**
   * Live processes carrying this run's marker, or in the leader's session or group and carrying no other run's
   * marker. Pids are reused (pid_max is often 32768): once the leader is gone, a process with its pid, or in a
   * session led by that pid, can be another command's; those carry their own marker and are left alone.
   */
  private Set<Long> scan(long leader) {
    Set<Long> found = new HashSet<>();
    long self = ProcessHandle.current().pid();
    byte[] mine = (MARKER_VARIABLE + "=" + marker + "\0").getBytes(StandardCharsets.UTF_8);
    byte[] any = (MARKER_VARIABLE + "=").getBytes(StandardCharsets.UTF_8);
    try (var dirs = Files.newDirectoryStream(PROC, ProcessTree::isPidDir)) {
      for (Path dir : dirs) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (pid == self) {
          continue;
        }
        Stat stat = Stat.of(dir);
        if (stat == null || stat.start() < started) {
          continue; // gone, or older than the command: not one of its own
        }
        byte[] env = environ(dir);
        if (contains(env, mine) || (stat.inSessionOf(leader) && !contains(env, any))) {
          found.add(pid);
        }
      }
    } catch (IOException e) {
      // /proc unreadable: the descendants were ended already; nothing more can be found.
    }
    return found;
  }

  private static boolean isPidDir(Path p) {
    String name = p.getFileName().toString();
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static long startTicks(Path dir) {
    Stat stat = Stat.of(dir);
    return stat == null ? 0 : stat.start();
  }

  /**
   * What the scan needs of /proc/pid/stat: the state (field 3), group and session ids (fields 5 and 6), and the start
   * time in clock ticks since boot (field 22). Fields are counted after the command name in brackets, which may
   * itself hold spaces and brackets. Read as bytes and parsed in place: the scan reads one per process per command.
   */
  record Stat(byte state, long group, long session, long start) {
    static Stat of(Path dir) {
      try {
        return parse(Files.readAllBytes(dir.resolve("stat")));
      } catch (IOException | RuntimeException e) {
        return null; // gone meanwhile, or not readable
      }
    }

    /** The stat file's text; null when it ends before field 22. */
    static Stat parse(byte[] b) {
      int i = b.length - 1;
      while (i >= 0 && b[i] != ')') {
        i--;
      }
      if (i < 0 || i + 2 >= b.length) {
        return null;
      }
      long[] f = new long[20]; // fields 3 to 22; field 3 (the state) is a letter and kept apart
      byte state = b[i + 2];
      int field = 0;
      for (int k = i + 2; k < b.length && field < f.length; k++) {
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
  private static byte[] environ(Path dir) {
    try {
      return Files.readAllBytes(dir.resolve("environ"));
    } catch (IOException | RuntimeException e) {
      return new byte[0];
    }
  }

  /** Whether a variable of the environment starts with {@code needle}. */
  private static boolean contains(byte[] env, byte[] needle) {
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
