package dev.forkstate.config;

/** A resolved setting and where it came from ("forkstate.yml", "detected: ...", "not set"), shown in the report. */
public record Setting(String value, String source) {
  public static Setting of(String value, String source) {
    return new Setting(value, source);
  }

  public static Setting unset(String why) {
    return new Setting(null, why);
  }

  public boolean isSet() {
    return value != null && !value.isBlank();
  }
}
