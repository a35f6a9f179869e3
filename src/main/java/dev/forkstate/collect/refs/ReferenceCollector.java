package dev.forkstate.collect.refs;

import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Classifies every path the report cites: committed at HEAD, present but not committed (untracked or ignored), or
 * missing. This is the check that catches "smokes green" for a test folder that was never committed.
 */
public final class ReferenceCollector implements Collector {
  /** A path and why it is cited: smoke, live, ci, guide or config. The role is part of the fact id. */
  public record CitedPath(String role, String path) {}

  private final List<CitedPath> cited;

  public ReferenceCollector(List<CitedPath> cited) {
    this.cited = cited.stream().distinct()
        .sorted(java.util.Comparator.comparing(CitedPath::role).thenComparing(CitedPath::path)).toList();
  }

  @Override
  public String name() {
    return "references";
  }

  @Override
  public List<String> failureIds() {
    return Collector.ids(List.of(FactIds.REF_SMOKE_COLLECTOR));
  }

  /**
   * Stable ids: {@link FactIds#ref} of the role and the path, with a numeric suffix if two paths map to the same
   * segment.
   */
  public static List<FactId> ids(List<CitedPath> sorted) {
    List<FactId> ids = new ArrayList<>();
    for (CitedPath c : sorted) {
      FactId base = FactIds.ref(c.role(), c.path());
      FactId id = base;
      for (int n = 2; ids.contains(id); n++) {
        id = FactId.of(base.value() + "-" + n);
      }
      ids.add(id);
    }
    return ids;
  }

  /** True when a fact of this collector says its path is in the HEAD commit (whatever the working tree holds). */
  public static boolean isAtHead(Fact f) {
    String v = f.value() instanceof Value.Text t ? t.text() : "";
    return v.equals("committed") || v.equals("partly-committed") || v.equals("deleted");
  }

  /** Classifies the paths, each cited for {@code role}, and returns path to fact, in path order. */
  public static java.util.Map<String, Fact> classify(CollectContext ctx, String role,
      java.util.Collection<String> paths) {
    List<CitedPath> cited = paths.stream().distinct().sorted().map(p -> new CitedPath(role, p)).toList();
    List<Fact> facts = new ReferenceCollector(cited).collect(ctx);
    java.util.Map<String, Fact> out = new java.util.TreeMap<>();
    for (int i = 0; i < cited.size(); i++) {
      out.put(cited.get(i).path(), facts.get(i));
    }
    return out;
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    List<FactId> ids = ids(cited);
    List<CompletableFuture<Fact>> futures = new ArrayList<>();
    for (int i = 0; i < cited.size(); i++) {
      FactId id = ids.get(i);
      String path = cited.get(i).path();
      futures.add(CompletableFuture.supplyAsync(() -> classify(ctx, id, path), ctx.pool()));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }

  private static Fact classify(CollectContext ctx, FactId id, String path) {
    Path repo = ctx.repo().toAbsolutePath().normalize();
    Path onDisk = repo.resolve(path).normalize();
    Phrase shown = Phrase.of(Phrase.Kind.PATH, path);
    if (Path.of(path).isAbsolute() || !onDisk.startsWith(repo)) {
      return new Fact(id, Status.FAIL, new Value.Text("outside"), shown.then(" is outside the repository"),
          Phrase.of("cite paths relative to the repository root"), List.of(dev.forkstate.fact.Evidence.ofCommand(
              "git ls-tree -r --name-only HEAD -- " + ShellQuote.quote(path))));
    }
    GitCli git = ctx.git();
    CommandResult atHead = git.run("ls-tree", "-r", "--name-only", "HEAD", "--", path);
    boolean committed = atHead.ok() && !atHead.stdout().isBlank();
    boolean exists = Files.exists(onDisk);
    if (committed) {
      CommandResult others = git.run("ls-files", "--others", "--exclude-standard", "--", path);
      String unread = GitCli.unreadable(others, "git ls-files failed: ");
      if (!unread.isEmpty()) {
        // The WARN would count the untracked files under the path: a count of part of them is not one.
        return new Fact(id, Status.UNKNOWN, new Value.Text("committed"), shown.then(" is committed; the "
            + "untracked files under it could not be counted"), Phrase.of(unread),
            List.of(atHead.evidence(0), others.evidence()));
      }
      long untracked = GitCli.lines(others).size();
      if (!exists) {
        return new Fact(id, Status.WARN, new Value.Text("deleted"),
            shown.then(" is committed but deleted in the working tree"), Phrase.empty(), List.of(atHead.evidence(0)));
      }
      if (untracked > 0) {
        return new Fact(id, Status.WARN, new Value.Text("partly-committed"),
            shown.then(" is committed, but " + Noun.count(untracked, "file") + " under it "
                + (untracked == 1 ? "is" : "are") + " not"), Phrase.empty(),
            List.of(atHead.evidence(0), others.evidence()));
      }
      return Fact.of(id, Status.PASS, new Value.Text("committed"), shown.then(" is committed at HEAD"),
          atHead.evidence(0));
    }
    if (!exists) {
      return new Fact(id, Status.FAIL, new Value.Text("missing"), shown.then(" does not exist"),
          Phrase.of("not at HEAD and not on disk"), List.of(atHead.evidence(0)));
    }
    CommandResult ignored = git.run("check-ignore", "-q", "--", path);
    boolean isIgnored = ignored.exitCode() != null && ignored.exitCode() == 0;
    return new Fact(id, Status.WARN, new Value.Text(isIgnored ? "ignored" : "untracked"),
        shown.then(" exists but is not committed" + (isIgnored ? " (git-ignored)" : " (untracked)")),
        Phrase.of("CI and other clones do not have it"), List.of(atHead.evidence(0), ignored.evidence(0)));
  }
}
