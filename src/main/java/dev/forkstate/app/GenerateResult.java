package dev.forkstate.app;

import dev.forkstate.error.ExitCode;
import dev.forkstate.report.Report;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: the model, the rendered text, where it went (null for stdout), the exit code, and notes for
 * stderr (an update that replaced hand edits says so, and where the previous file was saved).
 */
public record GenerateResult(Report report, String rendered, Path written, ExitCode exitCode, List<String> notes) {
  public GenerateResult {
    notes = List.copyOf(notes);
  }
}
