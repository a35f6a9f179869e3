package dev.forkstate.exec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
 * Found processes get SIGKILL; the scan ({@link ProcScan}) repeats until none is left, so a parent forking while it
 * is killed does not leave a child behind. Without {@code /proc} (not Linux) only the live descendants are ended.
 * Trees are ended together where they can be: one scan of {@code /proc} serves all of them.
 */
public final class ProcessTree {
  public static final String MARKER_VARIABLE = "FORKSTATE_RUN";
  private static final AtomicLong NEXT = new AtomicLong();
  private static final int MAX_ROUNDS = 20;
  /** Where setsid is, looked up once: the argv prefix of every command. */
  private static final List<String> SESSION_PREFIX = findSetsid();

  /** This JVM's start in clock ticks since boot: every command it runs started later (0 where unknown). */
  private static final long SELF_START = ProcScan.startTicks("/proc/self");
  /** When {@link #SELF_START} was read, on {@link System#nanoTime()}'s clock. */
  private static final long SELF_READ_NANOS = System.nanoTime();
  /**
   * A clock tick as no Linux is slower: USER_HZ, the unit of /proc/pid/stat's times, is 100 or more on every
   * architecture. Counting elapsed ticks at this length never counts more ticks than passed.
   */
  private static final long NANOS_PER_TICK = 10_000_000;

  private final Process process;
  private final byte[] markerVariable;
  /** No later than the command's start, in clock ticks since boot ({@link #notBefore()}). */
  private final long started;

  private ProcessTree(Process process, String marker, long notBefore) {
    this.process = process;
    this.markerVariable = (MARKER_VARIABLE + "=" + marker + "\0").getBytes(StandardCharsets.UTF_8);
    this.started = notBefore;
  }

  /**
   * A start, in clock ticks since boot, that no process started after this call precedes: for a command, taken just
   * before it starts, instead of reading its /proc stat (a file read per command, on the command's path). Why it is
   * never later than the start the kernel records: {@link #SELF_START} is no later than this JVM's start, which is
   * before {@link #SELF_READ_NANOS}; the monotonic clock advances no faster than the boot-time clock the kernel stamps
   * a process with (the latter also counts suspended time), and a tick is counted as at least 10 ms. It is earlier than
   * the command's real start by up to the time between the JVM's start and that read (a hundred milliseconds): the
   * scan then reads the environment of a few more processes, which is all the start is used for ({@link ProcScan}).
   */
  static long notBefore() {
    return SELF_START + Math.max(0, (System.nanoTime() - SELF_READ_NANOS) / NANOS_PER_TICK);
  }

  /** A marker no other run (of this or another forkstate) uses: this JVM's pid and a counter. */
  static String newMarker() {
    return ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
  }

  /** @param notBefore {@link #notBefore()}, taken before the process was started */
  static ProcessTree of(Process process, String marker, long notBefore) {
    return new ProcessTree(process, marker, notBefore);
  }

  /** The argv prefix that starts a command in its own session, or nothing where setsid is not installed. */
  static List<String> sessionPrefix() {
    return SESSION_PREFIX;
  }

  private static List<String> findSetsid() {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path setsid = Path.of(dir, "setsid");
      if (Files.isExecutable(setsid)) {
        return List.of(setsid.toString(), "--wait");
      }
    }
    return List.of();
  }

  long leader() {
    return process.pid();
  }

  long started() {
    return started;
  }

  /** The variable {@code FORKSTATE_RUN=<marker>} with its terminating NUL, as it appears in /proc/pid/environ. */
  byte[] markerVariable() {
    return markerVariable;
  }

  /** The command exited and was reaped: its pid may be another process's now. */
  boolean leaderGone() {
    return !process.isAlive();
  }

  /** Ends the command and every process it left, wherever it went; returns how many processes were killed. */
  int kill() {
    return endAll(List.of(this));
  }

  /**
   * Ends these commands and every process they left, with one scan of /proc per round for all of them; returns how
   * many processes were killed.
   */
  static int endAll(Collection<ProcessTree> trees) {
    Set<Long> killed = new HashSet<>();
    for (ProcessTree tree : trees) {
      tree.endLiveDescendants(killed);
    }
    if (!ProcScan.available()) {
      return killed.size();
    }
    List<ProcessTree> all = new ArrayList<>(trees);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Set<Long> found = ProcScan.leftovers(all);
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
   * A command still running: it and its descendants, listed before it dies and they re-parent. A command that
   * exited has none left to list (its children went to init), so the /proc scan alone finds them.
   */
  private void endLiveDescendants(Set<Long> killed) {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    // Through the handle: Process.destroyForcibly also closes the pipes, and the readers would lose output that a
    // command which exited by itself left in them.
    process.toHandle().destroyForcibly();
    descendants.forEach(p -> {
      if (p.destroyForcibly()) {
        killed.add(p.pid());
      }
    });
  }
}
