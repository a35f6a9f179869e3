package dev.forkstate.cli;

import dev.forkstate.app.StartUp;
import dev.forkstate.error.ExitCode;
import dev.forkstate.error.UserError;
import dev.forkstate.secret.Redactor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Process entry. The one place that maps outcomes to exit codes and to the one-line messages users see: a
 * {@link UserError} is "forkstate: what (where); fix" and exit 2; a bad flag is one line plus a help hint and exit 2;
 * anything else is an internal error, exit 3, with the stack trace only under --debug.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    startProcess(ForkstateCommand.invoked(args));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, System.getenv(), args));
  }

  /**
   * What a forkstate process sets up before its command runs; the launcher's training run does the same, so the
   * start-up archive is recorded from runs like the users'. One locale whatever the user's: a report must not depend
   * on LANG (a Turkish locale lower-cases "I" to a dotless i, a German one formats 1.5 as "1,5"), and with the locale
   * Jackson uses for its date format, sqlite-jdbc's date format (made in the default locale) finds the JDK's locale
   * data already looked up. Then the work {@code command} needs that can start now, beside picocli's (see StartUp).
   */
  static void startProcess(String command) {
    Locale.setDefault(Locale.US);
    StartUp.begin(command);
  }

  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = ForkstateCommand.commandLine(new ForkstateCommand(env), args);
    cl.setOut(out).setErr(err);
    // Error text can quote a command line or a URL; it passes the same redaction as the report. The redactor is
    // built when an error is printed (once a run), not before: a run that succeeds never needs this one.
    cl.setParameterExceptionHandler((ex, a) -> {
      Redactor redactor = Redactor.fromEnvironment(env);
      CommandLine cmd = ex.getCommandLine();
      err.println("forkstate: " + redactor.redact(ex.getMessage()));
      err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
      err.flush();
      return ExitCode.USER_ERROR.code();
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      Redactor redactor = Redactor.fromEnvironment(env);
      if (ex instanceof UserError ue) {
        err.println("forkstate: " + redactor.redact(ue.oneLine()));
      } else {
        err.println("forkstate: internal error: " + redactor.redact(String.valueOf(ex))
            + " (rerun with --debug for the stack trace)");
      }
      if (debug) {
        java.io.StringWriter trace = new java.io.StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(redactor.redact(trace.toString()));
      }
      err.flush();
      return ex instanceof UserError ? ExitCode.USER_ERROR.code() : ExitCode.INTERNAL_ERROR.code();
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
