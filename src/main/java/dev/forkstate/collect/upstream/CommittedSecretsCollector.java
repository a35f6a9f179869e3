package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.PATH;
import static dev.forkstate.fact.Phrase.Kind.REF;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.config.Setting;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import dev.forkstate.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret-shaped values the fork committed: every line the fork added since the merge-base (any file, not only
 * Python) that forkstate's own redaction rules would mask (an {@code sk-proj-} key, a GitHub token, a password in a
 * URL). Only the file and line are kept; the value never enters a fact, so nothing downstream can show it. A real
 * fork committed an OpenAI key in a root script and the report said "no new credentials" (which only covers settings
 * the code reads). Whether it is a risk is the check's to say.
 */
public final class CommittedSecretsCollector implements Collector {
  private static final Pattern FILE = Pattern.compile("^\\+\\+\\+ b/(.*)$");
  private static final Pattern HUNK = Pattern.compile("^@@ -\\S+ \\+(\\d+)(?:,\\d+)? @@");
  /** Enough to say where to look; the count is always whole. */
  static final int MAX_SHOWN = 20;

  @Override
  public String name() {
    return "secrets";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.UPSTREAM_SECRETS));
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Setting ref = ctx.settings().upstreamRef();
    if (!ref.isSet()) {
      return List.of(Fact.unknown(FactIds.UPSTREAM_SECRETS, ctx.noUpstreamRef()));
    }
    CommandResult mb = ctx.mergeBase(ref.value());
    if (!mb.ok()) {
      return List.of(unknown(Phrase.of("no merge-base with ").then(REF, ref.value()), mb.evidence()));
    }
    String base = GitCli.firstLine(mb);
    String shown = "git diff -U0 $(git merge-base HEAD " + ShellQuote.quote(ref.value()) + ") HEAD";
    // The run's runner masks token shapes in every output, which would hide exactly what this looks for: the diff is
    // read unmasked (as GitHubToken reads the token), scanned here, and dropped; only file and line leave.
    GitCli raw = new GitCli(ctx.repo(), ctx.runner().unmasked());
    CommandResult diff = raw.run(List.of("diff", "-U0", "--no-color", "--no-ext-diff", "--no-textconv",
        "--no-renames", "--diff-filter=AM", base, "HEAD"), shown);
    // The excerpt would hold the very lines this looks for: the evidence names the command, never its output.
    Evidence ev = Evidence.ofCommand(shown);
    if (!diff.ok() || !diff.stdoutWhole()) {
      // Not even git's error line: it came through the unmasked runner.
      return List.of(unknown(Phrase.of(diff.ok() ? "the diff was cut: " + diff.cutReason()
          : "git diff failed (exit " + diff.exitCode() + ")"), ev));
    }
    List<Phrase> found = scan(diff.stdout());
    List<Phrase> items = found.size() > MAX_SHOWN ? found.subList(0, MAX_SHOWN) : found;
    return List.of(Fact.of(FactIds.UPSTREAM_SECRETS, Status.INFO, new Value.Items(items), found.isEmpty()
        ? Phrase.of("no secret-shaped value on the lines the fork added")
        : Phrase.of(Noun.count(found.size(), "secret-shaped value") + " on lines the fork added (value withheld)"),
        ev));
  }

  /** Where the added lines of a {@code git diff -U0} hold a value the redaction rules mask: "path line N". */
  static List<Phrase> scan(String unifiedDiff) {
    Redactor shapes = Redactor.none();
    List<Phrase> out = new ArrayList<>();
    String path = null;
    int line = 0;
    for (String l : unifiedDiff.split("\n", -1)) {
      Matcher f = FILE.matcher(l);
      Matcher h = HUNK.matcher(l);
      if (f.matches()) {
        path = f.group(1);
      } else if (l.startsWith("+++ \"b/")) {
        // git quotes an unusual name; the escaped form still says where to look.
        path = l.substring(7, l.length() - 1);
      } else if (l.startsWith("+++ ")) {
        path = null;
      } else if (h.find()) {
        line = Integer.parseInt(h.group(1));
      } else if (l.startsWith("+") && path != null) {
        String added = l.substring(1);
        if (!shapes.redact(added).equals(added)) {
          out.add(Phrase.of(PATH, path).then(" line " + line));
        }
        line++;
      }
    }
    return out;
  }

  private static Fact unknown(Phrase why, Evidence ev) {
    return new Fact(FactIds.UPSTREAM_SECRETS, Status.UNKNOWN, Value.none(), Phrase.of("not checked"), why,
        List.of(ev));
  }
}
