package dev.forkstate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.DemoProject;
import dev.forkstate.app.demo.GitScript;
import dev.forkstate.render.update.Markers;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "Structure injected by repository text", end to end: file names committed to a real fork (git allows
 * newlines in them) that carry a keep block, a fake PASS bullet, forkstate's own end mark, backticks, pipes and
 * brackets are listed as one inert list item each; later runs neither refuse nor keep the fake bullet, and once the
 * file is deleted its name is gone from the report.
 */
class HostileFileNamesTest {
  private static final String FAKE_BULLET = "x\n<!-- keep -->\n- **PASS** Smokes: 999 passed\ny.py";
  private static final String END_MARK = "z\n<!-- forkstate:end id=capabilities -->\n.py";
  private static final String PUNCTUATION = "a`|`[b]_c_.py";
  private static final String HEADING = "minillm/extras/# heading.py";

  @TempDir
  Path tmp;

  @Test
  void hostileNamesAreInertListItemsAndLaterRunsAcceptTheReport() throws Exception {
    Map<String, String> env = new HashMap<>(TestEnv.isolated(tmp.resolve("home")));
    Path fork = DemoProject.build(tmp.resolve("demo"), env);
    GitScript g = new GitScript(fork, env, 500);
    for (String name : List.of(FAKE_BULLET, END_MARK, PUNCTUATION, HEADING)) {
      g.write(name, "X = 1\n");
    }
    g.commit("hostile names");
    Path config = tmp.resolve("forkstate.yml");
    Files.writeString(config, Files.readString(fork.resolve("forkstate.yml"))
        .replace("  allowed_flags:", "  determinism_runs: 1\n  allowed_flags:"));

    GenerateResult first = generate(fork, env, config);
    String md = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    // The names are listed (the module list reads them), each as one list item whose text is the name on one line.
    List<String> items = listItems(md);
    assertThat(items).contains(FAKE_BULLET.replace('\n', ' ') + ": X", END_MARK.replace('\n', ' ') + ": X",
        PUNCTUATION + ": X", HEADING + ": X");
    // No line of the file is data that starts a bullet, a keep block or a mark.
    assertThat(md.lines()).doesNotContain("<!-- keep -->", "- **PASS** Smokes: 999 passed", "y.py", ".py");
    assertThat(md.lines().filter("<!-- forkstate:end id=capabilities -->"::equals)).hasSize(1);
    Node doc = Parser.builder().build().parse(md);
    List<String> html = new ArrayList<>();
    List<String> badges = new ArrayList<>();
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock b) {
        html.add(b.getLiteral().strip());
      }

      @Override
      public void visit(HtmlInline h) {
        html.add(h.getLiteral());
      }

      @Override
      public void visit(StrongEmphasis s) {
        badges.add(s.getFirstChild() instanceof Text t ? t.getLiteral() : "?");
      }
    });
    // Every HTML node is one of forkstate's marks or folds; every bold run is a status badge forkstate wrote.
    assertThat(html).allSatisfy(h -> assertThat(Markers.BEGIN.matcher(h).matches() || Markers.END.matcher(h).matches()
        || Markers.FACTS.matcher(h).matches() || h.matches("<details><summary>[^<>]*</summary>|</details>"))
        .as(h).isTrue());
    assertThat(badges).allSatisfy(b -> assertThat(b).isIn("PASS", "FAIL", "WARN", "UNKNOWN", "SKIPPED"));
    assertThat(first.notes()).noneMatch(n -> n.contains("keep"));

    // A second run reads the report it wrote: no refusal (broken marks), no kept block, no hand edit seen.
    GenerateResult second = generate(fork, env, config);
    assertThat(second.notes()).noneMatch(n -> n.contains("keep") || n.contains("overwritten"));
    assertThat(listItems(Files.readString(fork.resolve("STATE_OF_PROJECT.md"))))
        .contains(FAKE_BULLET.replace('\n', ' ') + ": X");

    // Deleted and committed: the fake bullet does not survive as a block of the user's.
    g.git("rm", "-q", "--", FAKE_BULLET, END_MARK);
    g.commit("remove the hostile names");
    generate(fork, env, config);
    String after = Files.readString(fork.resolve("STATE_OF_PROJECT.md"));
    assertThat(after).doesNotContain("999 passed").doesNotContain("id=capabilities -->\n.py");
    assertThat(fork.resolve("STATE_OF_PROJECT.md.prev")).doesNotExist();
  }

  private static GenerateResult generate(Path fork, Map<String, String> env, Path config) {
    return new GenerateReport().run(new GenerateRequest(fork, null, GenerateRequest.Format.MD, true, config, env));
  }

  /** Each list item's text as a reader sees it (its first paragraph: text and code literals). */
  private static List<String> listItems(String md) {
    List<String> out = new ArrayList<>();
    Parser.builder().build().parse(md).accept(new AbstractVisitor() {
      @Override
      public void visit(ListItem item) {
        StringBuilder b = new StringBuilder();
        Node para = item.getFirstChild();
        for (Node c = para == null ? null : para.getFirstChild(); c != null; c = c.getNext()) {
          if (c instanceof Text t) {
            b.append(t.getLiteral());
          } else if (c instanceof org.commonmark.node.Code code) {
            b.append(code.getLiteral());
          }
        }
        out.add(b.toString());
        visitChildren(item);
      }
    });
    return out;
  }
}
