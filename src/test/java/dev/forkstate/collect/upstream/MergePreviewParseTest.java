package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.ConflictKind.ADD_ADD;
import static dev.forkstate.fact.ConflictKind.CONTENT;
import static dev.forkstate.fact.ConflictKind.FILE_DIRECTORY;
import static dev.forkstate.fact.ConflictKind.MODIFY_DELETE;
import static dev.forkstate.fact.ConflictKind.RENAME_DELETE;
import static dev.forkstate.fact.ConflictKind.RENAME_RENAME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.ConflictKind;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Captured from git 2.39.5: {@code git merge-tree --write-tree --name-only -z fork main}, {@code git diff -M --numstat
 * -z base fork} and {@code git diff -M --diff-filter=R --name-status -z base main} on a repository where the fork edits
 * a.py (upstream renamed it to b.py and edited it), edits gone.py (upstream deleted it), both add harness.py, the fork
 * renames rd.py (upstream deleted it) and rr.py (upstream renamed it elsewhere), and the fork replaces the folder d
 * with a file.
 */
class MergePreviewParseTest {
  static final String MERGE_TREE = "22b47defa83ec90a61dadde27696c11f9d40a5b1\0b.py\0d~fork\0gone.py\0harness.py\0"
      + "rd_fork.py\0rr.py\0rr_fork.py\0rr_up.py\0\0"
      + "1\0b.py\0Auto-merging\0Auto-merging b.py\n\0"
      + "1\0b.py\0CONFLICT (contents)\0CONFLICT (content): Merge conflict in b.py\n\0"
      + "2\0d~fork\0d\0CONFLICT (file/directory)\0CONFLICT (file/directory): directory in the way of d from fork; "
      + "moving it to d~fork instead.\n\0"
      + "1\0gone.py\0CONFLICT (modify/delete)\0CONFLICT (modify/delete): gone.py deleted in main and modified in fork."
      + "  Version fork of gone.py left in tree.\n\0"
      + "1\0harness.py\0Auto-merging\0Auto-merging harness.py\n\0"
      + "1\0harness.py\0CONFLICT (contents)\0CONFLICT (add/add): Merge conflict in harness.py\n\0"
      + "2\0rd_fork.py\0rd.py\0CONFLICT (rename/delete)\0CONFLICT (rename/delete): rd.py renamed to rd_fork.py in "
      + "fork, but deleted in main.\n\0"
      + "3\0rr.py\0rr_fork.py\0rr_up.py\0CONFLICT (rename/rename)\0CONFLICT (rename/rename): rr.py renamed to "
      + "rr_fork.py in fork and to rr_up.py in main.\n\0";
  static final String FORK_NUMSTAT = "1\t1\ta.py\0" + "1\t0\td\0" + "0\t21\td/x.py\0" + "1\t1\tgone.py\0"
      + "2\t0\tharness.py\0" + "0\t0\t\0rd.py\0rd_fork.py\0" + "0\t0\t\0rr.py\0rr_fork.py\0";
  static final String UPSTREAM_RENAMES = "R095\0a.py\0b.py\0R100\0rr.py\0rr_up.py\0";

  @Test
  void kindsComeFromGitsMessageTextSoAnAddAddIsNotAContentConflict() {
    Map<String, List<ConflictKind>> kinds = MergePreview.parse(MERGE_TREE);
    assertThat(kinds).containsExactly(
        Map.entry("b.py", List.of(CONTENT)),
        Map.entry("d~fork", List.of(FILE_DIRECTORY)),
        Map.entry("gone.py", List.of(MODIFY_DELETE)),
        Map.entry("harness.py", List.of(ADD_ADD)),
        Map.entry("rd_fork.py", List.of(RENAME_DELETE)),
        Map.entry("rr.py", List.of(RENAME_RENAME)),
        Map.entry("rr_fork.py", List.of(RENAME_RENAME)),
        Map.entry("rr_up.py", List.of(RENAME_RENAME)));
  }

  @Test
  void gitsOwnWordsMapToKinds() {
    assertThat(ConflictKind.fromGit("contents")).isEqualTo(CONTENT);
    assertThat(ConflictKind.fromGit("add/add")).isEqualTo(ADD_ADD);
    assertThat(ConflictKind.fromGit("distinct modes")).isEqualTo(ConflictKind.DISTINCT_TYPES);
    assertThat(ConflictKind.fromGit("implicit dir rename")).isEqualTo(ConflictKind.DIRECTORY_RENAME);
    assertThat(ConflictKind.fromGit("something new")).isEqualTo(ConflictKind.OTHER);
  }

  @Test
  void aTruncatedMessageListKeepsThePathsAndTheWholeMessages() {
    String cut = MERGE_TREE.substring(0, MERGE_TREE.indexOf("1\0harness.py\0CONFLICT") + 14);
    Map<String, List<ConflictKind>> kinds = MergePreview.parse(cut);
    assertThat(kinds).containsKeys("b.py", "harness.py", "rr_up.py");
    assertThat(kinds.get("gone.py")).containsExactly(MODIFY_DELETE);
    assertThat(kinds.get("harness.py")).isEmpty();
  }

  @Test
  void renamedNumstatRecordsKeepBothPaths() {
    List<NumstatParser.Entry> e = NumstatParser.entries(FORK_NUMSTAT);
    assertThat(e).contains(new NumstatParser.Entry("rd_fork.py", "rd.py", 0, 0, false),
        new NumstatParser.Entry("a.py", "", 1, 1, false));
    assertThat(NumstatParser.parse(FORK_NUMSTAT).files()).extracting(Value.FileChange::path)
        .containsExactly("a.py", "d", "d/x.py", "gone.py", "harness.py", "rd_fork.py", "rr_fork.py");
  }

  /** upstream renamed a.py to b.py: the fork's 2 lines in a.py are the conflict's weight in b.py. */
  @Test
  void forkLinesFollowUpstreamRenames() {
    List<Value.Conflict> c = ForkLines.attribute(NumstatParser.entries(FORK_NUMSTAT),
        ForkLines.renames(UPSTREAM_RENAMES), MergePreview.parse(MERGE_TREE));
    assertThat(c).contains(new Value.Conflict("b.py", List.of(CONTENT), 2, "a.py"),
        new Value.Conflict("gone.py", List.of(MODIFY_DELETE), 2, ""),
        new Value.Conflict("harness.py", List.of(ADD_ADD), 2, ""),
        new Value.Conflict("rr_up.py", List.of(RENAME_RENAME), 0, "rr.py"));
  }
  /** A merge of thousands of files: each message keeps exactly its own paths, read in one pass over the output. */
  @Test
  void thousandsOfMessagesEachNameTheirOwnPaths() {
    StringBuilder z = new StringBuilder("22b47defa83ec90a61dadde27696c11f9d40a5b1\0c0.py\0\0");
    for (int k = 0; k < 20_000; k++) {
      z.append("1\0f").append(k).append(".py\0Auto-merging\0Auto-merging f").append(k).append(".py\n\0");
    }
    z.append("2\0c0.py\0c1.py\0CONFLICT (contents)\0CONFLICT (content): Merge conflict in c0.py\n\0");
    List<MergePreview.Message> messages = MergePreview.messages(z.toString());
    assertThat(messages).hasSize(20_001);
    assertThat(messages.get(19_999).paths()).containsExactly("f19999.py");
    assertThat(messages.get(20_000).paths()).containsExactly("c0.py", "c1.py");
    assertThat(MergePreview.parse(z.toString())).containsExactly(Map.entry("c0.py", List.of(CONTENT)));
  }
}
