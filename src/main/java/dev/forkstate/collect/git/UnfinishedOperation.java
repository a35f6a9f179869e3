package dev.forkstate.collect.git;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A merge, rebase, cherry-pick or revert that was started and not finished: the tree is half-way between two
 * states, and whatever is measured on it (smokes included) is of neither. Found the way git's own prompt finds it:
 * by the state files in the git folder (of this worktree, which {@code --absolute-git-dir} names).
 */
public record UnfinishedOperation(String name, String abort) {
  private static final List<String[]> STATE_FILES = List.of(
      new String[] {"rebase-merge", "rebase", "git rebase --abort"},
      new String[] {"rebase-apply", "rebase", "git rebase --abort"},
      new String[] {"MERGE_HEAD", "merge", "git merge --abort"},
      new String[] {"CHERRY_PICK_HEAD", "cherry-pick", "git cherry-pick --abort"},
      new String[] {"REVERT_HEAD", "revert", "git revert --abort"});

  /** Two-letter codes of `git status --porcelain` for a path with unresolved conflicts. */
  static final List<String> UNMERGED = List.of("DD", "AU", "UD", "UA", "DU", "AA", "UU");

  /** The operation in progress, else "unresolved conflicts" when the index holds some (a `git stash pop`). */
  public static Optional<UnfinishedOperation> inTree(GitCli git) {
    Optional<UnfinishedOperation> op = in(git);
    if (op.isPresent()) {
      return op;
    }
    CommandResult unmerged = git.run("ls-files", "--unmerged");
    return unmerged.ok() && !unmerged.stdout().isBlank()
        ? Optional.of(new UnfinishedOperation("unresolved conflicts", "git status")) : Optional.empty();
  }

  static Optional<UnfinishedOperation> in(GitCli git) {
    CommandResult dir = git.run("rev-parse", "--absolute-git-dir");
    String gitDir = GitCli.firstLine(dir);
    if (!dir.ok() || gitDir.isEmpty()) {
      return Optional.empty();
    }
    for (String[] f : STATE_FILES) {
      if (Files.exists(Path.of(gitDir, f[0]))) {
        return Optional.of(new UnfinishedOperation(f[1], f[2]));
      }
    }
    return Optional.empty();
  }

  static boolean unmerged(String statusLine) {
    return statusLine.length() >= 2 && UNMERGED.contains(statusLine.substring(0, 2));
  }
}
