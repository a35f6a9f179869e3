package dev.forkstate.app;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.error.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The demo use case: build a real fork in a temp folder (or the given one) and generate its report. */
public final class RunDemo {
  public GenerateResult run(Path dir, Map<String, String> env) {
    Path root;
    try {
      if (dir == null) {
        root = Files.createTempDirectory("forkstate-demo");
      } else {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
          throw new UserError("demo folder " + dir + " is not empty", null, "pass an empty or new folder to --dir");
        }
        root = Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UserError("cannot create the demo folder: " + e.getMessage(), null, "pass --dir <writable folder>");
    }
    Path fork = DemoProject.build(root, env);
    // Offline: the demo's remotes are local folders, so there is no GitHub to ask about CI (SKIPPED, not UNKNOWN).
    return new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true, null, env));
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }
}
