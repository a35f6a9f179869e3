package dev.forkstate.collect.detect;

import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Detected;
import dev.forkstate.exec.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds branches, remotes, workflows, smoke folders, happy-path guides and live-check scripts. */
public final class ProjectDetector {
  private static final Pattern KEY_NAME = Pattern.compile("\\b([A-Z][A-Z0-9_]*_(?:API_KEY|TOKEN|KEY))\\b");
  private static final int MAX_SCRIPT_BYTES = 256 * 1024;

  private ProjectDetector() {}

  public static Detected detect(Path repo, GitCli git) {
    String current = GitCli.firstLine(git.run("branch", "--show-current"));
    List<String> local = GitCli.lines(git.run("for-each-ref", "--format=%(refname:short)", "refs/heads"));
    List<String> remoteRefs = GitCli.lines(git.run("for-each-ref", "--format=%(refname:short)", "refs/remotes"));
    // for-each-ref shortens refs/remotes/upstream/HEAD to "upstream"; name it as users write it.
    List<String> remotes = GitCli.lines(git.run("remote"));
    List<String> remoteBranches = remoteRefs.stream().map(r -> remotes.contains(r) ? r + "/HEAD" : r)
        .sorted().toList();
    TreeSet<String> files = new TreeSet<>();
    files.addAll(GitCli.lines(git.run("ls-files")));
    files.addAll(GitCli.lines(git.run("ls-files", "--others", "--exclude-standard")));

    List<String> workflows = files.stream()
        .filter(f -> f.startsWith(".github/workflows/") && (f.endsWith(".yml") || f.endsWith(".yaml"))).toList();
    List<String> smokeDirs = new ArrayList<>();
    for (String dir : List.of("tests/smoke", "tests")) {
      if (files.stream().anyMatch(f -> f.startsWith(dir + "/") && f.endsWith(".py"))) {
        smokeDirs.add(dir);
      }
    }
    List<String> guides = files.stream()
        .filter(f -> fileName(f).toUpperCase(Locale.ROOT).contains("HAPPYPATH")).toList();
    Map<String, List<String>> live = new TreeMap<>();
    for (String f : files) {
      String name = fileName(f).toLowerCase(Locale.ROOT);
      if (name.endsWith(".py") && (name.contains("live_check") || name.contains("live-check"))) {
        live.put(f, keysNamedIn(repo.resolve(f)));
      }
    }
    String top = GitCli.firstLine(git.run("rev-parse", "--show-toplevel"));
    String repoName = top.isEmpty() ? repo.getFileName().toString() : Path.of(top).getFileName().toString();
    return new Detected(repoName, current, local, remotes.stream().sorted().toList(), remoteBranches, workflows,
        smokeDirs, guides, live);
  }

  /** Env var names that look like API keys, read from a script's text: what the live check needs set. */
  static List<String> keysNamedIn(Path script) {
    try {
      byte[] bytes = Files.readAllBytes(script);
      String text = new String(bytes, 0, Math.min(bytes.length, MAX_SCRIPT_BYTES), StandardCharsets.UTF_8);
      TreeSet<String> keys = new TreeSet<>();
      Matcher m = KEY_NAME.matcher(text);
      while (m.find()) {
        keys.add(m.group(1));
      }
      return List.copyOf(keys);
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String fileName(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }

  /** True when {@code git rev-parse} says the folder is inside a work tree. */
  public static boolean isWorkTree(GitCli git) {
    CommandResult r = git.run("rev-parse", "--is-inside-work-tree");
    return r.ok() && "true".equals(GitCli.firstLine(r));
  }
}
