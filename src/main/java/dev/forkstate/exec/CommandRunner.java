package dev.forkstate.exec;

import dev.forkstate.fact.ShellQuote;
import dev.forkstate.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one way forkstate starts a process. Every run has a timeout; on expiry the whole process tree is killed
 * (descendants first, so a shell's children do not survive it); after a normal exit, what the command left is ended
 * too, by the {@link LeftoverSweeper} off the caller's path (or at once when it holds the output open); output is
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

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes, int slots) {
    this(baseEnv, redactor, capBytes, new Semaphore(slots, true));
  }

  private CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes, Semaphore slots) {
    this.baseEnv = Map.copyOf(baseEnv);
    this.redactor = redactor;
    this.capBytes = capBytes;
    this.slots = slots;
  }

  /**
   * This runner without masking, sharing its slots and output bound: for a reader that must see a secret's shape
   * to find it (the committed-secrets scan) or use it (a GitHub token from gh), and drops it. Its output must not
   * reach a fact.
   */
  public CommandRunner unmasked() {
    return new CommandRunner(baseEnv, Redactor.disabled(), capBytes, slots);
  }

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes) {
    this(baseEnv, redactor, capBytes, DEFAULT_SLOTS);
  }

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor) {
    this(baseEnv, redactor, DEFAULT_CAP_BYTES);
  }

  /**
   * Returns once what every command finished so far left behind (a daemon, a background child) has been ended: a
   * stage boundary, so nothing one stage's commands left is alive when the next stage starts. Those leftovers are
   * otherwise ended within milliseconds, off the commands' path, and on the JVM's exit in any case.
   */
  public static void settle() {
    LeftoverSweeper.shared().settle();
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
   * cap is larger than the display cap. Stderr is only shown and keeps this runner's cap.
   */
  public CommandResult run(CommandSpec spec, int stdoutCapBytes) {
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
  private CommandResult runInSlot(CommandSpec spec, int stdoutCapBytes) {
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(resolve(spec.argv(), spec.workDir())).directory(spec.workDir().toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(new TreeMap<>(baseEnv));
    env.putAll(spec.extraEnv());
    String marker = ProcessTree.newMarker();
    env.put(ProcessTree.MARKER_VARIABLE, marker); // finds the children that leave the session (see ProcessTree)
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      String why = "could not start " + spec.argv().get(0) + ": " + e.getMessage();
      return new CommandResult(spec.display(), null, "", "", Capture.NONE, Capture.NONE, false, redactor.redact(why),
          elapsed(start));
    }
    ProcessTree tree = ProcessTree.of(process, marker);
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
    boolean handedOff = false;
    Integer exit;
    try {
      timedOut = !process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (!timedOut && out.awaitEnd(DRAIN_MS) && err.awaitEnd(DRAIN_MS)) {
        // Exited, and nothing it left holds its output open: the output is whole. What it left that let go of the
        // output (a daemon) is ended by the sweeper, which serves every command finished meanwhile in one pass.
        exit = process.exitValue();
        LeftoverSweeper.shared().add(tree);
        handedOff = true;
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
      if (!handedOff) {
        ExitCleanup.ended(tree);
      }
    }
    BoundedReader.Kept stdout = out.kept();
    BoundedReader.Kept stderr = err.kept();
    return new CommandResult(spec.display(), exit, redactor.redact(stdout.text()), redactor.redact(stderr.text()),
        stdout.capture(), stderr.capture(), timedOut, null, elapsed(start));
  }

  /**
   * The program is looked up on the PATH of the environment the command runs with, as a shell would: the JDK
   * would otherwise search this JVM's own PATH, which tests and callers may have replaced. Where that PATH lacks it,
   * this JVM's PATH is searched, as the JDK would. A program found is started under {@code setsid} (its own session
   * and group, see {@link ProcessTree}); one not found is left for the JDK to fail on, so it stays a start error.
   */
  private List<String> resolve(List<String> argv, java.nio.file.Path workDir) {
    String program = argv.get(0);
    java.util.Optional<String> found = program.contains("/")
        ? java.util.Optional.of(program).filter(p -> java.nio.file.Files.isExecutable(workDir.resolve(p)))
        : find(program, baseEnv.get("PATH")).or(() -> find(program, System.getenv("PATH")));
    if (found.isEmpty()) {
      return argv;
    }
    List<String> out = new java.util.ArrayList<>(ProcessTree.sessionPrefix());
    out.add(found.get());
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

  /**
   * Reads a stream to its end, keeping at most {@code cap} bytes, so a chatty process cannot exhaust memory. Bytes
   * past the cap are read and counted but dropped: the process does not block on a full pipe, and the result can say
   * how large the output was.
   */
  private static final class BoundedReader implements Runnable {
    /** One read buffer per pump thread, reused by every stream it reads (64 KB: a full pipe in one read). */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[65536]);
    private final InputStream in;
    private final CountDownLatch done = new CountDownLatch(1);
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long read;
    private boolean ended;

    BoundedReader(InputStream in, int cap) {
      this.in = in;
      this.cap = cap;
    }

    @Override
    public void run() {
      byte[] buf = BUFFER.get();
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (kept) {
            int room = cap - kept.size();
            if (room > 0) {
              kept.write(buf, 0, Math.min(room, n));
            }
            read += n;
          }
        }
        synchronized (kept) {
          ended = true;
        }
      } catch (IOException ignored) {
        // The process was killed or closed its end; what was read so far is kept, and the capture says it is partial.
      } finally {
        done.countDown();
      }
    }

    /** Waits up to {@code ms} for the reader to stop; whether it did. */
    boolean awaitEnd(long ms) throws InterruptedException {
      return done.await(ms, TimeUnit.MILLISECONDS);
    }

    /** The text and its capture taken together, so a reader that ends in between cannot pass a part as whole. */
    record Kept(String text, Capture capture) {}

    /** A reader still running (a grandchild holds the pipe open) has not reached the end: the capture says so. */
    Kept kept() {
      synchronized (kept) {
        // Decoded straight from the buffer: no byte-array copy of an output that may be megabytes.
        return new Kept(Utf8Text.decode(kept.toByteArray()), new Capture(read, cap, ended));
      }
    }
  }
}
