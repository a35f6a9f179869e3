package dev.forkstate.collect.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upstream project's name: the repository name in the upstream remote's URL (".../celery/celery.git" gives
 * "celery"), else pyproject.toml's [project].name, else null.
 */
final class UpstreamName {
  private static final Pattern NAME = Pattern.compile("^\\s*name\\s*=\\s*[\"']([^\"']+)[\"']");

  private UpstreamName() {}

  static String of(String upstreamUrl, Path repo) {
    String fromUrl = fromUrl(upstreamUrl);
    return fromUrl != null ? fromUrl : fromPyproject(repo.resolve("pyproject.toml"));
  }

  /** The last path segment of a remote URL (https, ssh scp-style or a local path), without ".git". */
  static String fromUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (u.endsWith(".git")) {
      u = u.substring(0, u.length() - ".git".length());
    }
    int cut = Math.max(u.lastIndexOf('/'), Math.max(u.lastIndexOf(':'), u.lastIndexOf('\\')));
    String name = u.substring(cut + 1);
    return name.isEmpty() ? null : name;
  }

  /** [project].name from pyproject.toml, read line by line: enough for the name key. */
  static String fromPyproject(Path pyproject) {
    try {
      boolean inProject = false;
      for (String line : Files.readAllLines(pyproject, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (t.startsWith("[")) {
          inProject = t.equals("[project]");
          continue;
        }
        Matcher m = NAME.matcher(line);
        if (inProject && m.find()) {
          return m.group(1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
