package dev.forkstate.exec;

import dev.forkstate.fact.ShellQuote;
import dev.forkstate.secret.Redactor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one way forkstate starts a process. Every run has a timeout; on expiry the whole process tree is killed
 * (descendants first, so a shell's children do not survive it); after a normal exit, what the command left is ended
 * too, by the {@link LeftoverSweeper} outside the command's slot (at once when it holds the output open); output is
 * captured up to a cap and decoded as UTF-8 with replacement characters for bytes that are not; everything captured
 * passes through the redactor.
 * The result says how much of each stream was kept ({@link Capture}), so no parser counts a cut output.
 */
public final class CommandRunner {
  /** For output a person reads (smokes, scripts): an excerpt of it is shown, nothing is counted from it. */
  public static final int DEFAULT_CAP_BYTES = 256 * 1024;
  /**
   * For output that is parsed into counts and lists (git's, a metrics command's JSON): kept whole up to this much,
   * so a fork adding 50,000 files (2.4 MB of numstat) is counted exactly. Past it the answer is UNKNOWN ("output too
   * large"), never a count of the part read. Memory stays bounded: a stream holds at most this, and the evidence
   * excerpt is cut separately for display.
   */
  public static final int MACHINE_CAP_BYTES = 64 * 1024 * 1024;

  /**
   * How many processes one runner keeps alive at once: twice the cores, at least 4. The collectors ask for dozens of
   * git commands side by side; more processes than that only compete for the same cores and memory (a large diff
   * once started hundreds). A smoke or a long command holds one slot; the others keep the rest.
   */
  public static final int DEFAULT_SLOTS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /**
   * How long a command that exited may take to close its output: its own ends close with it, so only something it
   * left (a background child holding the pipes) keeps them open longer, and then the tree is ended at once.
   */
  static final long DRAIN_MS = 50;

  /**
   * Read the running commands' output streams, two threads per command at most; a thread is kept for the next
   * command instead of starting two new ones for each.
   */
  private static final ExecutorService PUMPS = Executors.newCachedThreadPool(body -> {
    Thread t = new Thread(body, "forkstate-pump");
    t.setDaemon(true);
    return t;
  });

  private final Map<String, String> baseEnv;
  private final Redactor redactor;
  private final int capBytes;
  private final Semaphore slots;
  /**
   * Where each program named without a folder was found on the PATH, looked up once per runner (its PATH does not
   * change): a run starts git a few dozen times, and each lookup tested the PATH's folders one by one. A program that
   * appears during the run in a PATH folder searched earlier (a virtualenv's bin made by a step) is not seen by the
   * commands started directly after it was found elsewhere; a command run through a shell looks it up itself.
   */
  private final Map<String, String> found;
  private final PreparedBuilders builders;

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes, int slots) {
    this(baseEnv, redactor, capBytes, new Semaphore(slots, true), new ConcurrentHashMap<>());
  }

  private CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes, Semaphore slots,
      Map<String, String> found) {
    this.baseEnv = Map.copyOf(baseEnv);
    this.redactor = redactor;
    this.capBytes = capBytes;
    this.slots = slots;
    this.found = found;
    this.builders = new PreparedBuilders(this.baseEnv);
  }

  /**
   * This runner without masking, sharing its slots and output bound: for a reader that must see a secret's shape
   * to find it (the committed-secrets scan) or use it (a GitHub token from gh), and drops it. Its output must not
   * reach a fact.
   */
  public CommandRunner unmasked() {
    return new CommandRunner(baseEnv, Redactor.disabled(), capBytes, slots, found);
  }

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes) {
    this(baseEnv, redactor, capBytes, DEFAULT_SLOTS);
  }

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor) {
    this(baseEnv, redactor, DEFAULT_CAP_BYTES);
  }

  /**
   * Returns once what every query finished so far left behind (a daemon, a background child) has been ended, so
   * nothing they left is alive when the caller goes on. Those leftovers are otherwise ended off the queries' path
   * within a second or at the next {@link #sweepSoon()}, and on the JVM's exit in any case.
   */
  public static void settle() {
    LeftoverSweeper.shared().settle();
  }

  /**
   * A stage boundary that does not wait: what the queries finished so far left is ended now, off the caller's path,
   * while the next stage works. A command that needs it gone first ({@link #run}) waits for it itself.
   */
  public static void sweepSoon() {
    LeftoverSweeper.shared().sweepSoon();
  }

  public Map<String, String> baseEnv() {
    return baseEnv;
  }

  /** Runs a program with arguments (no shell). The display form is the argv joined with shell quoting. */
  public CommandResult run(java.nio.file.Path workDir, Duration timeout, List<String> argv) {
    return run(new CommandSpec(argv, ShellQuote.join(argv), workDir, Map.of(), timeout));
  }

  public CommandResult run(CommandSpec spec) {
    return run(spec, capBytes);
  }

  /**
   * Runs with stdout kept up to {@code stdoutCapBytes}: output that is parsed into counts needs all of it, so its
   * cap is larger than the display cap. Stderr is only shown and keeps this runner's cap. When this returns, nothing
   * the command started is left (a server a smoke started in the background would hold the port its next run needs),
   * and it started with nothing left by the queries before it ({@link #settle()}).
   */
  public CommandResult run(CommandSpec spec, int stdoutCapBytes) {
    settle();
    Ran ran = runInASlot(spec, stdoutCapBytes);
    if (ran.sweep() > 0) {
      LeftoverSweeper.shared().await(ran.sweep());
    }
    return ran.result();
  }

  /**
   * Runs a query (git's): returns as soon as it exited and its output was read. What it left is ended by the
   * sweeper with every query finished meanwhile, at the latest a second later or when its stage ends
   * ({@link #sweepSoon()}), before the next {@link #run} or {@link #settle()}, and on the JVM's exit in any case.
   */
  public CommandResult query(CommandSpec spec, int stdoutCapBytes) {
    return runInASlot(spec, stdoutCapBytes).result();
  }

  /** A command's result and the ticket of the sweep for what it left (0: nothing pending). */
  private record Ran(CommandResult result, long sweep) {}

  private Ran runInASlot(CommandSpec spec, int stdoutCapBytes) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to run " + spec.display(), e);
    }
    try {
      return runInSlot(spec, stdoutCapBytes);
    } finally {
      slots.release();
    }
  }

  /** Runs the process; the caller holds one of the runner's slots. Its timeout starts here, not while waiting. */
  private Ran runInSlot(CommandSpec spec, int stdoutCapBytes) {
    long start = System.nanoTime();
    String marker = ProcessTree.newMarker(); // finds the children that leave the session (see ProcessTree)
    ProcessBuilder pb = builders.prepare(resolve(spec.argv(), spec.workDir()), spec.workDir().toFile(),
        spec.extraEnv(), ProcessTree.MARKER_VARIABLE, marker);
    long notBefore = ProcessTree.notBefore();
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      String why = "could not start " + spec.argv().get(0) + ": " + e.getMessage();
      return new Ran(new CommandResult(spec.display(), null, "", "", Capture.NONE, Capture.NONE, false,
          redactor.redact(why), elapsed(start)), 0);
    }
    ProcessTree tree = ProcessTree.of(process, marker, notBefore);
    ExitCleanup.started(tree);
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // stdin is closed so a command waiting for input ends instead of hanging; failing to close it changes nothing.
    }
    BoundedReader out = new BoundedReader(process.getInputStream(), stdoutCapBytes);
    BoundedReader err = new BoundedReader(process.getErrorStream(), capBytes);
    PUMPS.execute(out);
    PUMPS.execute(err);
    boolean timedOut = false;
    long sweep = 0;
    Integer exit;
    try {
      timedOut = !process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!timedOut && out.awaitEnd(DRAIN_MS) && err.awaitEnd(DRAIN_MS)) {
        // Exited, and nothing it left holds its output open: the output is whole. What it left that let go of the
        // output (a daemon) is ended by the sweeper, which serves every command finished meanwhile in one pass.
        exit = process.exitValue();
        sweep = LeftoverSweeper.shared().add(tree);
      } else {
        // Out of time, or its output is held open by something it left (`sleep 1000 &` keeps the pipes): the whole
        // tree goes now, and the output is read to its end after.
        tree.kill();
        process.waitFor(5, TimeUnit.SECONDS);
        exit = process.isAlive() ? null : process.exitValue();
        out.awaitEnd(2000);
        err.awaitEnd(2000);
      }
    } catch (InterruptedException e) {
      tree.kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + spec.display(), e);
    } finally {
      if (sweep == 0) {
        ExitCleanup.ended(tree);
      }
    }
    BoundedReader.Kept stdout = out.kept();
    BoundedReader.Kept stderr = err.kept();
    return new Ran(new CommandResult(spec.display(), exit, redactor.redact(stdout.text()),
        redactor.redact(stderr.text()), stdout.capture(), stderr.capture(), timedOut, null, elapsed(start)), sweep);
  }

  /**
   * The program is looked up on the PATH of the environment the command runs with, as a shell would: the JDK
   * would otherwise search this JVM's own PATH, which tests and callers may have replaced. Where that PATH lacks it,
   * this JVM's PATH is searched, as the JDK would. A program found is started under {@code setsid} (its own session
   * and group, see {@link ProcessTree}); one not found is left for the JDK to fail on, so it stays a start error.
   */
  private List<String> resolve(List<String> argv, java.nio.file.Path workDir) {
    String program = argv.get(0);
    String path;
    if (program.contains("/")) {
      path = java.nio.file.Files.isExecutable(workDir.resolve(program)) ? program : null;
    } else {
      path = found.get(program);
      if (path == null) {
        path = find(program, baseEnv.get("PATH")).or(() -> find(program, System.getenv("PATH"))).orElse(null);
        if (path != null) {
          found.put(program, path); // one not found is looked up again: it may be installed meanwhile
        }
      }
    }
    if (path == null) {
      return argv;
    }
    List<String> out = new java.util.ArrayList<>(ProcessTree.sessionPrefix());
    out.add(path);
    out.addAll(argv.subList(1, argv.size()));
    return out;
  }

  private static java.util.Optional<String> find(String program, String path) {
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (String dir : path.split(":")) {
      java.nio.file.Path candidate = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program);
      if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate.toString());
      }
    }
    return java.util.Optional.empty();
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
