package dev.forkstate.collect.python;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.collect.python.DeclaredDependencies.Unread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The declarations in a pyproject.toml, parsed with Jackson's TOML reader: PEP 621 {@code [project] dependencies}
 * and {@code [project.optional-dependencies]}, PEP 735 {@code [dependency-groups]}, setuptools' dynamic
 * dependencies read from requirements files, and Poetry's {@code [tool.poetry.dependencies]} (optional ones are
 * extras), {@code [tool.poetry.extras]} and dependency groups. A file that is not TOML, or a table of an unexpected
 * shape, is reported unread with the reason: never half-read silently.
 */
final class PyprojectDeclarations {
  private static final TomlMapper TOML = new TomlMapper();

  private final String file;
  private final Function<String, Optional<String>> readFile;
  private final List<Declaration> out = new ArrayList<>();
  private final List<Unread> unread = new ArrayList<>();

  /** @param readFile reads another file of the same commit (a requirements file the pyproject points to) */
  private PyprojectDeclarations(String file, Function<String, Optional<String>> readFile) {
    this.file = file;
    this.readFile = readFile;
  }

  static DeclaredDependencies read(String file, String text, Function<String, Optional<String>> readFile) {
    PyprojectDeclarations p = new PyprojectDeclarations(file, readFile);
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      return new DeclaredDependencies(List.of(), List.of(new Unread(file, "not valid TOML: "
          + e.getOriginalMessage().lines().findFirst().orElse("") + location(e))));
    }
    p.project(root.path("project"));
    p.groups(root.path("dependency-groups"));
    p.setuptoolsDynamic(root.path("tool").path("setuptools").path("dynamic"));
    p.poetry(root.path("tool").path("poetry"));
    return new DeclaredDependencies(p.out, p.unread);
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private void project(JsonNode project) {
    strings(project.path("dependencies"), "project.dependencies", Kind.REQUIRED, "");
    fields(project.path("optional-dependencies"), "project.optional-dependencies")
        .forEach((extra, list) -> strings(list, "project.optional-dependencies." + extra, Kind.EXTRA, extra));
  }

  private void groups(JsonNode groups) {
    fields(groups, "dependency-groups").forEach((name, list) -> {
      if (!list.isArray()) {
        unread.add(new Unread(file, "dependency-groups." + name + " is not a list"));
        return;
      }
      // {include-group = "other"} entries name another group, which is read on its own.
      list.forEach(item -> {
        if (item.isTextual()) {
          Requirements.name(item.asText()).ifPresent(d -> out.add(new Declaration(d, Kind.GROUP, file, name)));
        }
      });
    });
  }

  /** {@code [tool.setuptools.dynamic] dependencies = {file = ["requirements.txt"]}}: the files hold the list. */
  private void setuptoolsDynamic(JsonNode dynamic) {
    dynamicFiles(dynamic.path("dependencies").path("file"), Kind.REQUIRED, "");
    fields(dynamic.path("optional-dependencies"), "tool.setuptools.dynamic.optional-dependencies")
        .forEach((extra, spec) -> dynamicFiles(spec.path("file"), Kind.EXTRA, extra));
  }

  private void dynamicFiles(JsonNode files, Kind kind, String group) {
    List<JsonNode> paths = new ArrayList<>();
    if (files.isTextual()) {
      paths.add(files);
    } else {
      files.forEach(paths::add);
    }
    for (JsonNode path : paths) {
      String p = path.asText();
      Optional<String> text = readFile.apply(p);
      if (text.isEmpty()) {
        unread.add(new Unread(file, "it reads dependencies from " + p + ", which is not in the commit"));
      } else {
        Requirements.ofFile(text.get()).forEach(d -> out.add(new Declaration(d, kind, p, group)));
      }
    }
  }

  private void poetry(JsonNode poetry) {
    Map<String, String> extraOf = new java.util.HashMap<>();
    fields(poetry.path("extras"), "tool.poetry.extras").forEach((extra, list) -> list.forEach(d ->
        extraOf.putIfAbsent(DistributionNames.normalise(d.asText()), extra)));
    fields(poetry.path("dependencies"), "tool.poetry.dependencies").forEach((dist, spec) -> {
      if (dist.equalsIgnoreCase("python")) {
        return;
      }
      boolean optional = spec.path("optional").asBoolean(false)
          || spec.isArray() && spec.findValues("optional").stream().anyMatch(JsonNode::asBoolean);
      String extra = extraOf.getOrDefault(DistributionNames.normalise(dist), "");
      out.add(new Declaration(dist, optional ? Kind.EXTRA : Kind.REQUIRED, file, optional ? extra : ""));
    });
    fields(poetry.path("dev-dependencies"), "tool.poetry.dev-dependencies").keySet()
        .forEach(d -> out.add(new Declaration(d, Kind.GROUP, file, "dev")));
    fields(poetry.path("group"), "tool.poetry.group").forEach((group, table) ->
        fields(table.path("dependencies"), "tool.poetry.group." + group + ".dependencies").keySet()
            .forEach(d -> out.add(new Declaration(d, Kind.GROUP, file, group))));
  }

  private void strings(JsonNode list, String where, Kind kind, String group) {
    if (list.isMissingNode()) {
      return;
    }
    if (!list.isArray()) {
      unread.add(new Unread(file, where + " is not a list"));
      return;
    }
    for (JsonNode item : list) {
      Optional<String> name = item.isTextual() ? Requirements.name(item.asText()) : Optional.empty();
      if (name.isEmpty()) {
        unread.add(new Unread(file, where + " holds " + item + ", which names no distribution"));
      } else {
        out.add(new Declaration(name.get(), kind, file, group));
      }
    }
  }

  private Map<String, JsonNode> fields(JsonNode table, String where) {
    Map<String, JsonNode> m = new java.util.TreeMap<>();
    if (table.isMissingNode()) {
      return m;
    }
    if (!table.isObject()) {
      unread.add(new Unread(file, where + " is not a table"));
      return m;
    }
    table.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
