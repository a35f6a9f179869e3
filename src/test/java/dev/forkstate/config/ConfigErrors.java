package dev.forkstate.config;

import dev.forkstate.error.UserError;

/** The one line a config's {@link UserError} prints, for tests that feed the loader bad YAML. */
final class ConfigErrors {
  private ConfigErrors() {}

  /** The error {@code yaml} gives as forkstate.yml; fails the test when it parses. */
  static String of(String yaml) {
    try {
      new ConfigLoader().parse(yaml, "forkstate.yml");
    } catch (UserError e) {
      return e.oneLine();
    }
    throw new AssertionError("expected a UserError for:\n" + yaml);
  }
}
