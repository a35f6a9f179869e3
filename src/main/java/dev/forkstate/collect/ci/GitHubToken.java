package dev.forkstate.collect.ci;

import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the GitHub token comes from: GITHUB_TOKEN, then GH_TOKEN, then `gh auth token` when gh is installed; else
 * none (anonymous, 60 requests an hour). The value is held here and set as a header only; it is never a fact, and
 * the caller adds it to the run's redactor (a token gh prints is in no variable the redactor reads).
 */
public final class GitHubToken {
  private final String value; // null: anonymous
  private final String source;

  private GitHubToken(String value, String source) {
    this.value = value;
    this.source = source;
  }

  public static GitHubToken find(Map<String, String> env, CommandRunner runner, Path workDir) {
    for (String name : List.of("GITHUB_TOKEN", "GH_TOKEN")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return new GitHubToken(v.strip(), name);
      }
    }
    // Read with a runner that does not redact: the token has a token's shape (gho_...), and the run's redactor
    // would hand back "[REDACTED]" instead of it. The caller adds the token to the run's redactor (CollectorPlan).
    CommandRunner raw = runner.unmasked();
    CommandResult gh = raw.run(workDir, Duration.ofSeconds(10), List.of("gh", "auth", "token"));
    String out = gh.stdout().strip();
    if (gh.ok() && !out.isEmpty() && !out.contains("\n")) {
      return new GitHubToken(out, "gh auth token");
    }
    return new GitHubToken(null, "none (anonymous)");
  }

  public static GitHubToken of(String value, String source) {
    return new GitHubToken(value, source);
  }

  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** Where it came from, for the report: never the value. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "GitHubToken[" + source + "]";
  }
}
