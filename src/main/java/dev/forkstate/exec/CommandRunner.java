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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one way forkstate starts a process. Every run has a timeout; on expiry the whole process tree is killed
 * (descendants first, so a shell's children do not survive it); output is captured up to a cap and decoded as
 * UTF-8 with replacement characters for bytes that are not; everything captured passes through the redactor.
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
    Thread tOut = daemon("forkstate-out", out);
    Thread tErr = daemon("forkstate-err", err);
    boolean timedOut = false;
    Integer exit;
    try {
      if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
      }
      // On every way out, the whole tree goes: after a timeout, and after a normal exit too, for the background
      // children (`sleep 1000 &`) a passing command leaves holding its pipes.
      tree.kill();
      process.waitFor(5, TimeUnit.SECONDS);
      exit = process.isAlive() ? null : process.exitValue();
      tOut.join(2000);
      tErr.join(2000);
    } catch (InterruptedException e) {
      tree.kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + spec.display(), e);
    } finally {
      ExitCleanup.ended(tree);
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

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
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
    private final InputStream in;
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
      byte[] buf = new byte[65536];
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
      }
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
