package dev.forkstate.collect.smoke;

/**
 * The source of the small pytest plugin that gives every pytest run in a smoke command its own JUnit XML report.
 * pytest has no placeholder for a unique --junitxml name, and one fixed name is overwritten by the next run
 * ({@code pytest a; pytest b} kept only b's results). The plugin, loaded with {@code -p forkstate_runs}, takes the
 * next free number in FORKSTATE_RUNS_DIR when pytest configures, writes {@code NNN.run} (the report path), and at
 * the end of the session {@code NNN.exit} (pytest's exit status). When the user gave their own --junitxml, that path
 * is kept and recorded instead: their report is written where they asked, and forkstate reads it from there. xdist
 * workers (workerinput, slaveinput in old versions) are not runs of their own. Standard library only; the hook
 * decorator is looked up so that old pytest versions load it too.
 */
final class RunPlugin {
  static final String MODULE = "forkstate_runs";

  static final String SOURCE = """
      # Written by forkstate for one smoke run; deleted with it. Gives each pytest run its own JUnit XML report.
      import os

      import pytest

      _DIR = os.environ.get("FORKSTATE_RUNS_DIR", "")
      _RUN = {}


      def _first(fn):
          hookimpl = getattr(pytest, "hookimpl", None)
          if hookimpl is not None:
              return hookimpl(tryfirst=True)(fn)
          fn.tryfirst = True
          return fn


      def _worker(config):
          return hasattr(config, "workerinput") or hasattr(config, "slaveinput")


      @_first
      def pytest_configure(config):
          if not _DIR or _worker(config) or not os.path.isdir(_DIR):
              return
          n = 1
          while True:
              marker = os.path.join(_DIR, "%03d.run" % n)
              try:
                  fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                  break
              except OSError:
                  n += 1
          own = getattr(config.option, "xmlpath", None)
          if own:
              xml = os.path.normpath(os.path.abspath(os.path.expanduser(os.path.expandvars(own))))
          else:
              xml = os.path.join(_DIR, "%03d.xml" % n)
              config.option.xmlpath = xml
          os.write(fd, (xml + "\\n" + os.getcwd() + "\\n").encode("utf-8", "replace"))
          os.close(fd)
          _RUN["n"] = n
          # pytest runs that the tests themselves start (in subprocesses) are not runs of the smoke command.
          os.environ.pop("FORKSTATE_RUNS_DIR", None)


      def pytest_sessionfinish(session, exitstatus):
          if "n" in _RUN:
              with open(os.path.join(_DIR, "%03d.exit" % _RUN["n"]), "w") as f:
                  f.write("%d\\n" % int(exitstatus))
      """;

  private RunPlugin() {}
}
