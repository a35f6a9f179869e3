package dev.forkstate.fact;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes argv for display so the shown command pastes into bash and runs the same program with the same args. */
public final class ShellQuote {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./^-]+");

  private ShellQuote() {}

  public static String quote(String arg) {
    if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  public static String join(List<String> argv) {
    return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
