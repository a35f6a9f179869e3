package dev.forkstate.collect.python;

import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.collect.python.DeclaredDependencies.Unread;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reads what the project declares from its packaging files as committed at HEAD (like the Python scan, which reads
 * blobs): pyproject.toml, setup.cfg, setup.py, requirements*.txt at the root and every .txt under requirements/.
 * Only the repository root is read: the project's own packaging, not its examples'.
 */
public final class DeclarationReader {
  static final String REQUIREMENTS_DIR = "requirements/";
  private final GitCli git;
  private final CommandRunner runner;
  private final Path repo;
  private final Executor pool;

  /**
   * @param pool where the packaging files are read side by side: a project with a requirements/ folder has dozens
   *     (celery: 50), one git process each, and one after another they took a second
   */
  public DeclarationReader(Path repo, GitCli git, CommandRunner runner, Executor pool) {
    this.repo = repo;
    this.git = git;
    this.runner = runner;
    this.pool = pool;
  }

  public DeclarationReader(Path repo, GitCli git, CommandRunner runner) {
    this(repo, git, runner, Runnable::run);
  }

  public DeclaredDependencies read() {
    List<Declaration> out = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    // The two listings are independent: side by side.
    CompletableFuture<CommandResult> nestedRun = CompletableFuture.supplyAsync(
        () -> git.run("ls-tree", "-r", "--name-only", "HEAD", "--", REQUIREMENTS_DIR), pool);
    CommandResult root = git.run("ls-tree", "--name-only", "HEAD");
    CommandResult nested = nestedRun.join();
    if (!root.ok() || !root.stdoutWhole() || !nested.ok() || !nested.stdoutWhole()) {
      String why = GitCli.unreadable(root.ok() && root.stdoutWhole() ? nested : root, "git ls-tree failed: ");
      return new DeclaredDependencies(List.of(), List.of(new Unread("HEAD", why)));
    }
    List<String> files = new ArrayList<>(GitCli.lines(root));
    files.addAll(GitCli.lines(nested));
    // Every file the switch below reads, started at once; read in the listed order, so the result is the same.
    Map<String, CompletableFuture<CommandResult>> blobs = new HashMap<>();
    for (String f : files) {
      if (f.equals("pyproject.toml") || f.equals("setup.cfg") || f.equals("setup.py") || requirementsFile(f)) {
        blobs.computeIfAbsent(f, k -> CompletableFuture.supplyAsync(() -> git.run("cat-file", "blob", "HEAD:" + k),
            pool));
      }
    }
    List<String> sources = new ArrayList<>();
    for (String f : files) {
      DeclaredDependencies d = switch (f) {
        case "pyproject.toml" -> text(f, blobs, unread).map(t -> PyprojectDeclarations.read(f, t, this::file))
            .orElse(null);
        case "setup.cfg" -> text(f, blobs, unread).map(t -> SetupCfgDeclarations.read(f, t, this::file)).orElse(null);
        case "setup.py" -> text(f, blobs, unread).map(t -> SetupPyDeclarations.read(f, t, runner, repo)).orElse(null);
        default -> requirementsFile(f) ? text(f, blobs, unread).map(t -> listed(f, t)).orElse(null) : null;
      };
      if (d != null) {
        sources.add(f);
        out.addAll(d.declarations());
        unread.addAll(d.unread());
      }
    }
    return new DeclaredDependencies(out, unread, sources);
  }

  static boolean requirementsFile(String path) {
    return path.endsWith(".txt") && (path.startsWith(REQUIREMENTS_DIR)
        || !path.contains("/") && path.startsWith("requirements"));
  }

  private static DeclaredDependencies listed(String file, String text) {
    return new DeclaredDependencies(Requirements.ofFile(text).stream()
        .map(d -> new Declaration(d, Kind.LISTED, file, "")).toList(), List.of());
  }

  private static Optional<String> text(String path, Map<String, CompletableFuture<CommandResult>> blobs,
      List<Unread> unread) {
    CommandResult r = blobs.get(path).join();
    if (!r.ok() || !r.stdoutWhole()) {
      unread.add(new Unread(path, GitCli.unreadable(r, "git cat-file failed: ")));
      return Optional.empty();
    }
    return Optional.of(r.stdout());
  }

  /** Another file of the commit, for a file: reference; empty when the commit does not hold it. */
  private Optional<String> file(String path) {
    String p = path.startsWith("./") ? path.substring(2) : path;
    CommandResult r = git.run("cat-file", "blob", "HEAD:" + p);
    return r.ok() && r.stdoutWhole() ? Optional.of(r.stdout()) : Optional.empty();
  }
}
