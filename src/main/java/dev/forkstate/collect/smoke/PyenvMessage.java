package dev.forkstate.collect.smoke;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pyenv's own refusals, which say the machine lacks a Python, not that the fork is broken: a shim run in a folder
 * whose .python-version names a version this machine does not have prints "pyenv: version `3.9.99' is not
 * installed (set by /repo/.python-version)" and exits 1, before any test could run.
 */
final class PyenvMessage {
  private static final Pattern NOT_INSTALLED = Pattern.compile("pyenv: version [`'\"]?([^`'\"\\s]+)[`'\"]? is not "
      + "installed[^\\n]*");

  private PyenvMessage() {}

  /** The line pyenv wrote, or empty. */
  static String versionNotInstalled(String stderr) {
    Matcher m = NOT_INSTALLED.matcher(stderr);
    return m.find() ? m.group().strip() : "";
  }
}
