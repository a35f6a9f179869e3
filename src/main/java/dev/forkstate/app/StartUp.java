package dev.forkstate.app;

import java.math.BigDecimal;
import java.util.Calendar;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;

/**
 * The hook {@code Main} calls before it parses the command line, for work a command needs that can start that early
 * on a background thread, while the main thread builds the command line (one core of two is idle then). One such
 * piece now: {@link BigDecimal}'s class initialisation. Since JDK 25 it computes 5^(2^16) (a 150,000-bit number, by
 * Toom-Cook squaring, interpreted in a cold JVM): 10 ms of CPU with the start-up archive and 20 without, where JDK 17
 * took 0.2 ms. Jackson's JSON parser holds BigDecimal constants, so the first JSON a report reads (the stored runs
 * for the trends, read beside the collectors when both cores are busy) paid it. (This hook used to build Jackson's
 * YAML mapper for forkstate.yml: SnakeYAML's node tree and the record binder that replaced it cost less than that.)
 *
 * <p>And, first, the JVM's first calendar. The first {@link Calendar} made for a locale looks its week data up by
 * listing every locale the JDK has (about a thousand, built one by one in the interpreter): ~11 ms of CPU, and ~9 ms
 * more for each other locale. Two libraries make one on every such run, each on its own thread during the collection:
 * sqlite-jdbc when history is opened (its date format, in the default locale) and Jackson's databind when its first
 * mapper is made (in {@link Locale#US}). Side by side, in two locales, they paid 22 ms; {@code Main} makes US the
 * default, and the calendar is made here first, so the look-up is done once, before either needs it.
 */
public final class StartUp {
  /** The subcommands that read JSON on every run (stored runs, the previous report's facts, scanner caches). */
  private static final Set<String> READ_JSON = Set.of("generate", "verify");

  private StartUp() {}

  /**
   * Returns at once; for {@code command} (the subcommand invoked, null for none: --version, --help) that reads JSON,
   * the work runs on a daemon thread (a reader that comes first waits for the class; nothing runs twice).
   */
  public static void begin(String command) {
    if (command == null || !READ_JSON.contains(command)) {
      return;
    }
    Thread t = new Thread(() -> {
      Calendar.getInstance(TimeZone.getDefault(), Locale.US);
      Objects.requireNonNull(BigDecimal.ZERO);
    }, "forkstate-start-up");
    t.setDaemon(true);
    t.start();
  }
}
