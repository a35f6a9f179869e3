package dev.forkstate.exec;

import dev.forkstate.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The one way forkstate starts a process. Every run has a timeout; on expiry the whole process tree is killed
 * (descendants first, so a shell's children do not survive it); output is captured up to a cap and decoded as
 * UTF-8 with replacement characters for bytes that are not; everything captured passes through the redactor.
 */
public final class CommandRunner {
  public static final int DEFAULT_CAP_BYTES = 256 * 1024;

  private final Map<String, String> baseEnv;
  private final Redactor redactor;
  private final int capBytes;

  public CommandRunner(Map<String, String> baseEnv, Redactor redactor, int capBytes) {
    this.baseEnv = Map.copyOf(baseEnv);
    this.redactor = redactor;
    this.capBytes = capBytes;
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
    long start = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(resolve(spec.argv())).directory(spec.workDir().toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(new TreeMap<>(baseEnv));
    env.putAll(spec.extraEnv());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      String why = "could not start " + spec.argv().get(0) + ": " + e.getMessage();
      return new CommandResult(spec.display(), null, "", "", false, false, redactor.redact(why), elapsed(start));
    }
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // stdin is closed so a command waiting for input ends instead of hanging; failing to close it changes nothing.
    }
    BoundedReader out = new BoundedReader(process.getInputStream(), capBytes);
    BoundedReader err = new BoundedReader(process.getErrorStream(), capBytes);
    Thread tOut = daemon("forkstate-out", out);
    Thread tErr = daemon("forkstate-err", err);
    boolean timedOut = false;
    Integer exit;
    try {
      if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        timedOut = true;
        ProcessTree.kill(process);
      }
      process.waitFor(5, TimeUnit.SECONDS);
      exit = process.isAlive() ? null : process.exitValue();
      // Grandchildren that inherited the pipes can keep them open; do not wait for them forever.
      tOut.join(2000);
      tErr.join(2000);
    } catch (InterruptedException e) {
      ProcessTree.kill(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + spec.display(), e);
    }
    return new CommandResult(spec.display(), exit, redactor.redact(out.text()), redactor.redact(err.text()),
        out.truncated() || err.truncated(), timedOut, null, elapsed(start));
  }

  /**
   * The program is looked up on the PATH of the environment the command runs with, as a shell would: the JDK
   * would otherwise search this JVM's own PATH, which tests and callers may have replaced.
   */
  private List<String> resolve(List<String> argv) {
    String program = argv.get(0);
    String path = baseEnv.get("PATH");
    if (program.contains("/") || path == null) {
      return argv;
    }
    for (String dir : path.split(":")) {
      java.nio.file.Path candidate = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program);
      if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
        List<String> out = new java.util.ArrayList<>(argv);
        out.set(0, candidate.toString());
        return out;
      }
    }
    return argv;
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

  /** Reads a stream to its end, keeping at most {@code cap} bytes, so a chatty process cannot exhaust memory. */
  private static final class BoundedReader implements Runnable {
    private final InputStream in;
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean truncated;

    BoundedReader(InputStream in, int cap) {
      this.in = in;
      this.cap = cap;
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          synchronized (kept) {
            int room = cap - kept.size();
            if (room > 0) {
              kept.write(buf, 0, Math.min(room, n));
            }
            if (n > room) {
              truncated = true;
            }
          }
        }
      } catch (IOException ignored) {
        // The process was killed or closed its end; what was read so far is kept.
      }
    }

    String text() {
      synchronized (kept) {
        return new String(kept.toByteArray(), StandardCharsets.UTF_8);
      }
    }

    boolean truncated() {
      return truncated;
    }
  }
}
