package dev.forkstate.clock;

import dev.forkstate.error.UserError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The only clock forkstate reads. SOURCE_DATE_EPOCH, when set, is the report date (reproducible-builds spec: whole
 * seconds since the epoch, in UTC); a malformed value is an error, since a silent fallback would break
 * byte-identical output without telling anyone.
 */
public final class ReportClock {
  private ReportClock() {}

  public static LocalDate today(Map<String, String> env) {
    return LocalDate.ofInstant(now(env), ZoneOffset.UTC);
  }

  /** The run's moment, in whole seconds: SOURCE_DATE_EPOCH when set. Run history records it. */
  public static Instant now(Map<String, String> env) {
    String raw = env.get("SOURCE_DATE_EPOCH");
    if (raw == null || raw.isEmpty()) {
      return Instant.ofEpochSecond(Instant.now().getEpochSecond());
    }
    if (!raw.matches("[0-9]{1,12}")) {
      throw new UserError("SOURCE_DATE_EPOCH='" + raw + "' is not a whole number of seconds", "environment",
          "set it to e.g. $(git log -1 --pretty=%ct), or unset it");
    }
    return Instant.ofEpochSecond(Long.parseLong(raw));
  }

  public static String format(LocalDate date) {
    return date.format(DateTimeFormatter.ISO_LOCAL_DATE);
  }
}
