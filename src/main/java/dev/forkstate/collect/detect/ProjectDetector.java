package dev.forkstate.collect.detect;

import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Detected;
import dev.forkstate.config.DetectionNeeds;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds branches, remotes, workflows, smoke folders, happy-path guides and live-check scripts. */
public final class ProjectDetector {
  private static final Pattern KEY_NAME = Pattern.compile("\\b([A-Z][A-Z0-9_]*_(?:API_KEY|TOKEN|KEY))\\b");
  private static final int MAX_SCRIPT_BYTES = 256 * 1024;

  private ProjectDetector() {}

  /** Only these paths matter to detection; asking git for them alone keeps large repositories fast. */
  private static final List<String> PATHSPECS = List.of("--", ".github/workflows/", "tests/", "t/", "test/",
      "testing/",
      ":(glob)**/*[Hh][Aa][Pp][Pp][Yy][Pp][Aa][Tt][Hh]*", ":(glob)**/*live[_-]check*.py");

  /** Test folders in order of preference: smoke folders first (celery keeps its tests under t/). */
  private static final List<String> TEST_DIRS = List.of("tests/smoke", "t/smoke", "test/smoke", "testing/smoke",
      "tests", "t", "test", "testing");

  /** Everything detection finds: what init proposes. */
  public static Detected detect(Path repo, GitCli git, Executor pool) {
    return detect(repo, git, pool, DetectionNeeds.ALL);
  }

  /**
   * What {@code needs} asks for, its git commands side by side on {@code pool}; what it does not ask for is empty
   * (null for the current branch and the upstream name). {@code repo} is the work tree's root, so its folder is the
   * repository's name (no second rev-parse --show-toplevel).
   */
  public static Detected detect(Path repo, GitCli git, Executor pool, DetectionNeeds needs) {
    var current = ask(needs.currentBranch(), pool, () -> git.run("branch", "--show-current"));
    var local = ask(needs.localBranches(), pool,
        () -> git.run("for-each-ref", "--format=%(refname:short)", "refs/heads"));
    var remoteRefs = ask(needs.remoteBranches(), pool,
        () -> git.run("for-each-ref", "--format=%(refname:short)", "refs/remotes"));
    var remotesF = ask(needs.remoteBranches(), pool, () -> git.run("remote"));
    // One ls-files for the tracked and the untracked (not ignored) files: --exclude-standard applies to the
    // untracked only, as when they were two commands.
    var listed = ask(needs.files(), pool, () -> git.run(
        concat(List.of("ls-files", "--cached", "--others", "--exclude-standard"), PATHSPECS), null));
    // Fails (no output) when there is no remote named upstream: the name then comes from pyproject.toml.
    var upstreamUrl = ask(needs.upstreamName(), pool, () -> git.run("remote", "get-url", "upstream"));

    List<String> remotes = lines(remotesF);
    // for-each-ref shortens refs/remotes/upstream/HEAD to "upstream"; name it as users write it.
    List<String> remoteBranches = lines(remoteRefs).stream()
        .map(r -> remotes.contains(r) ? r + "/HEAD" : r).sorted().toList();
    TreeSet<String> files = new TreeSet<>(lines(listed));

    List<String> workflows = files.stream()
        .filter(f -> f.startsWith(".github/workflows/") && (f.endsWith(".yml") || f.endsWith(".yaml"))).toList();
    List<String> smokeDirs = new ArrayList<>();
    for (String dir : TEST_DIRS) {
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
    String url = upstreamUrl == null || !upstreamUrl.join().ok() ? null : GitCli.firstLine(upstreamUrl.join());
    return new Detected(repo.getFileName().toString(), current == null ? null : GitCli.firstLine(current.join()),
        lines(local), remotes.stream().sorted().toList(), remoteBranches, workflows, smokeDirs, guides, live,
        needs.upstreamName() ? UpstreamName.of(url, repo) : null);
  }

  private static CompletableFuture<CommandResult> ask(boolean needed, Executor pool, Supplier<CommandResult> command) {
    return needed ? CompletableFuture.supplyAsync(command, pool) : null;
  }

  private static List<String> lines(CompletableFuture<CommandResult> f) {
    return f == null ? List.of() : GitCli.lines(f.join());
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

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String fileName(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? path : path.substring(i + 1);
  }
}
