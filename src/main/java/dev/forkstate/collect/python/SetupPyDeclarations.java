package dev.forkstate.collect.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.collect.ScratchDir;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.collect.python.DeclaredDependencies.Unread;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.exec.CommandSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The literal {@code install_requires=[...]} and {@code extras_require={...}} of a setup.py, read by python3's own
 * parser (setupdeps.py: {@code ast.literal_eval}, nothing imported or run). A list the file computes (celery's
 * {@code install_requires=install_requires()}) is reported unread, with the expression: never guessed.
 */
final class SetupPyDeclarations {
  private static final String SCRIPT = "setupdeps.py";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private SetupPyDeclarations() {}

  static DeclaredDependencies read(String file, String text, CommandRunner runner, Path workDir) {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("forkstate-setuppy");
      Path script = tmp.resolve(SCRIPT);
      try (InputStream in = SetupPyDeclarations.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException(SCRIPT + " is missing from the jar");
        }
        Files.write(script, in.readAllBytes());
      }
      Path setup = tmp.resolve("setup.py");
      Files.writeString(setup, text, StandardCharsets.UTF_8);
      CommandResult r = runner.run(new CommandSpec(List.of("python3", script.toString(), setup.toString()),
          "python3 setupdeps.py " + file + " (forkstate's ast reader)", workDir, Map.of(), TIMEOUT));
      if (!r.ok()) {
        return unread(file, r.started() ? "python3 could not read it: " + r.firstErrorLine()
            : "python3 is not available: " + r.startError());
      }
      return parse(file, JSON.readTree(r.stdout()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ScratchDir.deleteQuietly(tmp);
    }
  }

  /** The reader's answer as declarations; a value of the wrong shape is unread, like a computed one. */
  static DeclaredDependencies parse(String file, JsonNode answer) {
    if (answer.has("error")) {
      return unread(file, answer.path("error").asText());
    }
    List<Declaration> out = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    for (String kw : List.of("install_requires", "extras_require")) {
      if (answer.has(kw + "_error")) {
        unread.add(new Unread(file, answer.path(kw + "_error").asText()));
      }
    }
    JsonNode required = answer.path("install_requires");
    if (!required.isMissingNode() && !strings(required, file, Kind.REQUIRED, "", out)) {
      unread.add(new Unread(file, "install_requires is not a list of requirement strings"));
    }
    JsonNode extras = answer.path("extras_require");
    if (!extras.isMissingNode()) {
      if (!extras.isObject()) {
        unread.add(new Unread(file, "extras_require is not a mapping"));
      } else {
        extras.fields().forEachRemaining(e -> {
          if (!strings(e.getValue(), file, Kind.EXTRA, e.getKey(), out)) {
            unread.add(new Unread(file, "extras_require[" + e.getKey() + "] is not a list of requirement strings"));
          }
        });
      }
    }
    return new DeclaredDependencies(out, unread);
  }

  private static boolean strings(JsonNode list, String file, Kind kind, String group, List<Declaration> out) {
    List<JsonNode> items = new ArrayList<>();
    if (list.isTextual()) {
      list.asText().lines().map(l -> JSON.getNodeFactory().textNode(l)).forEach(items::add);
    } else if (list.isArray()) {
      list.forEach(items::add);
    } else {
      return false;
    }
    for (JsonNode item : items) {
      if (!item.isTextual()) {
        return false;
      }
      Requirements.name(item.asText()).ifPresent(d -> out.add(new Declaration(d, kind, file, group)));
    }
    return true;
  }

  private static DeclaredDependencies unread(String file, String why) {
    return new DeclaredDependencies(List.of(), List.of(new Unread(file, why)));
  }
}
