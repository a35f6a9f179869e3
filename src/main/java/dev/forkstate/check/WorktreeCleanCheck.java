package dev.forkstate.check;

import dev.forkstate.fact.FactSet;
import dev.forkstate.fact.Status;
import java.util.List;

/** Is the working tree clean? */
public final class WorktreeCleanCheck implements Check {
  private static final CheckInfo INFO = new CheckInfo("worktree-clean", "Working tree", "Is the working tree clean?",
      "Facts about a dirty tree describe code no commit holds; nobody else can reproduce them.",
      "Commit or stash: git status -sb shows what is pending");

  @Override
  public CheckInfo info() {
    return INFO;
  }

  @Override
  public Verdict evaluate(FactSet facts) {
    return FactJudgement.worstOf(facts.withPrefix("git.worktree."), "the working tree was not measured");
  }
}
