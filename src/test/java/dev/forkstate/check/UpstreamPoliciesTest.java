package dev.forkstate.check;

import static dev.forkstate.check.PolicyFacts.branch;
import static dev.forkstate.check.PolicyFacts.conflicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.config.Settings;
import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.render.MarkdownText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Merge conflicts and PR branches as tables: what git measured in, the judged status and sentence out. */
class UpstreamPoliciesTest {
  private static final long HEAVY = MergeConflictPolicy.HEAVY_LINES;
  private static final long STALE = PrBranchPolicy.STALE_DAYS;

  /** A judged list as the report shows it: the typed items in code spans, as the Markdown always had them. */
  private static List<String> markdown(Value v) {
    return ((Value.Items) v).items().stream().map(MarkdownText::of).toList();
  }

  static Stream<Arguments> conflictTable() {
    return Stream.of(
        Arguments.of(conflicts(), Status.PASS, "merging `upstream/main` into the fork is clean", List.of()),
        Arguments.of(conflicts(new Value.Conflict("lib/a.py", List.of(ConflictKind.CONTENT), HEAVY - 1)), Status.WARN,
            "merging `upstream/main` into the fork conflicts in 1 file",
            List.of("`lib/a.py` (content; fork changed 19 lines)")),
        Arguments.of(conflicts(new Value.Conflict("lib/a.py", List.of(ConflictKind.CONTENT), HEAVY),
            new Value.Conflict("lib/b.py", List.of(), 1)), Status.FAIL,
            "merging `upstream/main` into the fork conflicts in 2 files, 1 of them heavily changed by the fork "
                + "(20+ lines)",
            List.of("`lib/a.py` (content; fork changed 20 lines)", "`lib/b.py` (conflict; fork changed 1 line)")),
        Arguments.of(conflicts(new Value.Conflict("x.py", List.of(ConflictKind.MODIFY_DELETE, ConflictKind.CONTENT), 50)), Status.FAIL,
            "merging `upstream/main` into the fork conflicts in 1 file, 1 of them heavily changed by the fork "
                + "(20+ lines)", List.of("`x.py` (content, modify/delete; fork changed 50 lines)")),
        // Upstream added the same file: not weighed by the fork's lines, and never "behind a seam".
        Arguments.of(conflicts(new Value.Conflict("harness.py", List.of(ConflictKind.ADD_ADD), 1089)), Status.WARN,
            "merging `upstream/main` into the fork conflicts in 1 file; 1 of them also added by upstream (add/add)",
            List.of("`harness.py` (add/add: upstream added the same file; likely the same work landed upstream; "
                + "fork changed 1089 lines)")),
        Arguments.of(conflicts(new Value.Conflict("b.py", List.of(ConflictKind.CONTENT), 25, "a.py")), Status.FAIL,
            "merging `upstream/main` into the fork conflicts in 1 file, 1 of them heavily changed by the fork "
                + "(20+ lines)", List.of("`b.py` (content; upstream renamed it from `a.py`; fork changed 25 lines)")));
  }

  @ParameterizedTest
  @MethodSource("conflictTable")
  void aConflictIsHeavyWhenTheForkChangedTheFileMuch(Fact in, Status status, String summary, List<String> items) {
    MergeConflictPolicy policy = new MergeConflictPolicy();
    assertThat(policy.covers(in.id())).isTrue();
    Fact out = policy.judge(in);
    assertThat(out.status()).isEqualTo(status);
    assertThat(MarkdownText.of(out.summaryPhrase())).isEqualTo(summary);
    assertThat(markdown(out.value())).containsExactlyElementsOf(items);
  }

  private static final Settings.PrBounds BOUNDS = new Settings.PrBounds(5, 10);

  static Stream<Arguments> branchTable() {
    return Stream.of(
        Arguments.of(branch(0, 0, Value.Merge.NOT_TRIED, "", 0), Status.WARN,
            "`pr/x`: no commit of its own (0 ahead of `upstream/main`): nothing to propose; delete it", false),
        Arguments.of(branch(2, 0, Value.Merge.NOT_TRIED, "", STALE + 50), Status.PASS,
            "`pr/x`: landed upstream; delete the branch", false),
        Arguments.of(branch(2, 1, Value.Merge.CLEAN, "", STALE), Status.PASS,
            "`pr/x`: ready: 2 commits, 2 files (+3 -1), merges cleanly into `upstream/main`", false),
        Arguments.of(branch(2, 1, Value.Merge.CLEAN, "", STALE + 1), Status.WARN,
            "`pr/x`: stale: rebase or close it", true),
        Arguments.of(branch(2, 2, Value.Merge.CONFLICTS, "", 0), Status.WARN,
            "`pr/x`: conflicts with `upstream/main`: rebase it", false),
        Arguments.of(branch(2, 2, Value.Merge.CONFLICTS, "", STALE + 1), Status.WARN,
            "`pr/x`: conflicts with `upstream/main`: rebase it", true),
        Arguments.of(branch(1, 1, Value.Merge.UNKNOWN, "git merge-tree --write-tree needs git 2.38 or newer", 0),
            Status.UNKNOWN, "`pr/x`: merge into `upstream/main` not known", false),
        Arguments.of(branch(1, 1, Value.Merge.UNKNOWN, "old git", STALE + 1), Status.WARN,
            "`pr/x`: stale: rebase or close it", true),
        // Cut from the fork branch: merges cleanly, and is still no reviewable pull request.
        Arguments.of(branch(258, 258, Value.Merge.CLEAN, "", 0, new Value.Size(258, 1204, 50000, 10)), Status.WARN,
            "`pr/x`: not ready: 258 commits ahead (bound pr_bounds.max_commits: 5), 1204 files changed (bound "
                + "pr_bounds.max_files: 10); split it into surgical branches cut from `upstream/main`", false),
        Arguments.of(branch(5, 5, Value.Merge.CLEAN, "", 0, new Value.Size(5, 11, 10, 0)), Status.WARN,
            "`pr/x`: not ready: 11 files changed (bound pr_bounds.max_files: 10); split it into surgical branches "
                + "cut from `upstream/main`", false),
        Arguments.of(branch(5, 5, Value.Merge.CLEAN, "", 0, new Value.Size(5, 10, 10, 0)), Status.PASS,
            "`pr/x`: ready: 5 commits, 10 files (+10 -0), merges cleanly into `upstream/main`", false));
  }

  @ParameterizedTest
  @MethodSource("branchTable")
  void aPrBranchIsReadyStaleConflictingOrLanded(Fact in, Status status, String summary, boolean staleLine) {
    PrBranchPolicy policy = new PrBranchPolicy(BOUNDS);
    Fact out = policy.judge(in);
    assertThat(out.status()).isEqualTo(status);
    assertThat(MarkdownText.of(out.summaryPhrase())).isEqualTo(summary);
    List<String> items = markdown(out.value());
    assertThat(items).contains("1 ahead, 0 behind `upstream/main`");
    assertThat(items.stream().anyMatch(i -> i.startsWith("stale: its last commit is "))).isEqualTo(staleLine);
    assertThat(out.evidence()).isEqualTo(in.evidence());
  }

  @Test
  void anUnknownMergeSaysWhyAndOtherPrFactsPassUntouched() {
    Fact unknown = new PrBranchPolicy(BOUNDS).judge(branch(1, 1, Value.Merge.UNKNOWN, "git merge-tree failed: boom", 0));
    assertThat(unknown.reason()).isEqualTo("git merge-tree failed: boom");
    Fact stale = new PrBranchPolicy(BOUNDS).judge(branch(1, 1, Value.Merge.CLEAN, "", 44));
    assertThat(markdown(stale.value())).contains(
        "stale: its last commit is 44 days older than `upstream/main`");
    Fact pull = Fact.info(FactId.of("pr.pr-x.pull"), new Value.Text("open"), "`pr/x`: PR #1 open", PolicyFacts.EV);
    assertThat(new PrBranchPolicy(BOUNDS).covers(pull.id())).isTrue();
    assertThat(new PrBranchPolicy(BOUNDS).judge(pull)).isSameAs(pull);
    assertThat(new MergeConflictPolicy().covers(FactIds.UPSTREAM_MERGE_BASE_AGE)).isFalse();
  }
}
