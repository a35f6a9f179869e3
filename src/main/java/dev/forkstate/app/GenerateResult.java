package dev.forkstate.app;

import dev.forkstate.error.ExitCode;
import dev.forkstate.report.Report;
import java.nio.file.Path;

/** What a run produced: the model, the rendered text, where it went (null for stdout) and the exit code. */
public record GenerateResult(Report report, String rendered, Path written, ExitCode exitCode) {}
