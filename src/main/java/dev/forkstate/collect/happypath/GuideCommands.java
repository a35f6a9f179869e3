package dev.forkstate.collect.happypath;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The commands a guide asks readers to paste: the lines of its shell code blocks (```bash, sh, shell, zsh, console,
 * or no language), with comments and blank lines left out, "$ " prompts removed (in a console block only prompted
 * lines are commands; the rest is output) and backslash continuations joined. Each keeps its line in the guide.
 */
final class GuideCommands {
  private static final Set<String> SHELL = Set.of("", "bash", "sh", "shell", "zsh", "console", "shell-session");

  private GuideCommands() {}

  record Command(int line, String text) {}

  static List<Command> of(String markdown) {
    List<Command> out = new ArrayList<>();
    Node doc = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build().parse(markdown);
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!SHELL.contains(info)) {
          return;
        }
        boolean console = info.equals("console") || info.equals("shell-session");
        // Source spans are 0-based; the first content line follows the opening fence.
        int first = block.getSourceSpans().isEmpty() ? 0 : block.getSourceSpans().get(0).getLineIndex() + 2;
        String[] lines = block.getLiteral().split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        for (int i = 0; i < lines.length; i++) {
          String l = lines[i].strip();
          boolean prompted = l.startsWith("$ ");
          if (prompted) {
            l = l.substring(2).strip();
          }
          if (pending.length() == 0) {
            if (l.isEmpty() || l.startsWith("#") || (console && !prompted)) {
              continue;
            }
            pendingLine = first + i;
          }
          if (l.endsWith("\\")) {
            pending.append(l.substring(0, l.length() - 1).strip()).append(" ");
            continue;
          }
          pending.append(l);
          out.add(new Command(pendingLine, pending.toString().strip()));
          pending.setLength(0);
        }
        if (pending.length() > 0) {
          out.add(new Command(pendingLine, pending.toString().strip()));
        }
      }
    });
    return out;
  }
}
