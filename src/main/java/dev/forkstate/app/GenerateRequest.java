package dev.forkstate.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * One `generate` run. {@code out} null means STATE_OF_PROJECT.md (or .json) in the repository; "-" means stdout.
 * {@code env} is the environment forkstate and its child processes see (tests pass an isolated one).
 */
public record GenerateRequest(Path repo, String out, Format format, boolean offline, Path config,
                              Map<String, String> env) {
  public enum Format { MD, JSON }
}
