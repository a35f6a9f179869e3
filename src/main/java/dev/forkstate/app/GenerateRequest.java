package dev.forkstate.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * One `generate` run. {@code out} null means STATE_OF_PROJECT.md (or .json) in the repository; "-" means stdout.
 * {@code env} is the environment forkstate and its child processes see (tests pass an isolated one). {@code force}
 * allows replacing an output file that forkstate did not write. {@code noLlm} makes the rules write the assessment
 * even when a model is configured. {@code record} false leaves the run history untouched (forkstate check).
 * {@code jsonOut}, when set, also receives the JSON document of the same run (CI keeps it as an artifact).
 * {@code standsFor}, when set, is the report file (relative to the repository) a run printed to stdout is compared
 * with (forkstate check): that report's own files (it, its .prev, its chart) are left out of the facts, as they are
 * when it is written.
 */
public record GenerateRequest(Path repo, String out, Format format, boolean offline, Path config,
                              Map<String, String> env, boolean force, boolean noLlm, boolean record, Path jsonOut,
                              String standsFor) {
  public enum Format { MD, JSON }

  public GenerateRequest(Path repo, String out, Format format, boolean offline, Path config, Map<String, String> env,
      boolean force, boolean noLlm, boolean record, Path jsonOut) {
    this(repo, out, format, offline, config, env, force, noLlm, record, jsonOut, null);
  }

  public GenerateRequest(Path repo, String out, Format format, boolean offline, Path config, Map<String, String> env,
      boolean force, boolean noLlm, boolean record) {
    this(repo, out, format, offline, config, env, force, noLlm, record, null);
  }

  public GenerateRequest(Path repo, String out, Format format, boolean offline, Path config, Map<String, String> env,
      boolean force, boolean noLlm) {
    this(repo, out, format, offline, config, env, force, noLlm, true);
  }

  public GenerateRequest(Path repo, String out, Format format, boolean offline, Path config, Map<String, String> env,
      boolean force) {
    this(repo, out, format, offline, config, env, force, false);
  }

  public GenerateRequest(Path repo, String out, Format format, boolean offline, Path config, Map<String, String> env) {
    this(repo, out, format, offline, config, env, false);
  }
}
