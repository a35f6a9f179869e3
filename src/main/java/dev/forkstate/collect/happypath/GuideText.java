package dev.forkstate.collect.happypath;

import dev.forkstate.collect.CollectContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The happy-path guide's text as it is on disk (whether it is committed is the reference collector's fact). */
final class GuideText {
  private GuideText() {}

  static Optional<String> read(CollectContext ctx) {
    if (!ctx.settings().guide().isSet()) {
      return Optional.empty();
    }
    Path p = ctx.repo().resolve(ctx.settings().guide().value());
    try {
      return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
