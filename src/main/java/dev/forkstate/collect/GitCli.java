package dev.forkstate.collect;

import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.fact.ShellQuote;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real git CLI in the repository, so the report can show the very command a user pastes. Git's pager, its
 * prompts and its locale are switched off for machine reading; the displayed command is the plain one.
 */
public final class GitCli {
  public static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Map<String, String> QUIET_ENV =
      Map.of("GIT_TERMINAL_PROMPT", "0", "GIT_PAGER", "cat", "LC_ALL", "C", "GIT_OPTIONAL_LOCKS", "0");

  private final Path repo;
  private final CommandRunner runner;
  private final int capBytes;

  /** Git's stdout is parsed into counts and lists, so it gets the machine-read cap, not the display one. */
  public GitCli(Path repo, CommandRunner runner) {
    this(repo, runner, CommandRunner.MACHINE_CAP_BYTES);
  }

  /** With another stdout cap: tests force a cut with a small one. */
  public GitCli(Path repo, CommandRunner runner, int capBytes) {
    this.repo = repo;
    this.runner = runner;
    this.capBytes = capBytes;
  }

  /** Runs {@code git args...} and shows it as such. */
  public CommandResult run(String... args) {
    return run(List.of(args), null);
  }

  /**
   * Runs {@code git args...}, but shows {@code display} instead: used where the machine-readable flags forkstate adds
   * (such as -z) or a resolved sha would make the command harder to paste while giving the same answer. A query
   * ({@link CommandRunner#query}): what git leaves (a daemon) is ended just after, not before the result is used;
   * a smoke or script started later ({@link CommandRunner#run}) starts only once it is gone.
   */
  public CommandResult run(List<String> args, String display) {
    List<String> argv = new ArrayList<>();
    argv.add("git");
    argv.addAll(args);
    String shown = display != null ? display : ShellQuote.join(argv);
    return runner.query(new CommandSpec(argv, shown, repo, QUIET_ENV, TIMEOUT), capBytes);
  }

  /**
   * First line of stdout, trimmed, or empty. A cut after the first line leaves it whole (a sha, a count); a cut
   * inside it does not, and then it is empty, which every caller already reads as "git gave no answer".
   */
  public static String firstLine(CommandResult r) {
    if (!r.stdoutWhole() && r.stdout().indexOf('\n') < 0) {
      return "";
    }
    return r.stdout().lines().findFirst().map(String::strip).orElse("");
  }

  /**
   * Why {@code r}'s stdout may not be parsed into a count or a list: {@code failed} and git's first error line when
   * git failed, "output too large (N bytes read, cap M)" when the output was cut, empty when it can be read.
   */
  public static String unreadable(CommandResult r, String failed) {
    return !r.ok() ? failed + r.firstErrorLine() : r.cutReason();
  }

  /**
   * Non-empty stdout lines, in the order git printed them. Callers that count or list them ask
   * {@link #unreadable} first and report what it says as UNKNOWN.
   */
  public static List<String> lines(CommandResult r) {
    return r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
