package dev.forkstate.collect.upstream;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ShellQuote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Fork commits whose work upstream already holds although {@code git cherry} finds no equivalent patch: upstream
 * landed the same files in a squash, or re-landed them with other commits. A fork commit is superseded when every file
 * it adds or changes has, at the upstream ref, exactly the content the fork commit gave it or the fork has now (blob
 * equality, the strongest signal git offers), that content came in with an upstream commit since the merge-base (so
 * it is upstream's doing, not an old state), and every file it deletes is gone upstream too. The upstream commits
 * that brought those contents are named. Similar but unequal content is not claimed: a merge preview shows such a
 * file as add/add.
 */
final class Supersession {
  /** A fork commit and the upstream commits ({@code sha subject}) that hold its files; how to see it with git. */
  record Superseded(String sha, String shortSha, String subject, List<String> byUpstream, String command) {}

  /** The superseded fork commits, or why it could not be told (and the command that failed). */
  record Result(List<Superseded> commits, String why, CommandResult failed, CommandResult forkLog) {}

  private record Change(char status, String path, String blob) {}

  private record Commit(String sha, String shortSha, String subject, List<Change> changes) {}

  private static final String NO_BLOB = "0000000000000000000000000000000000000000";
  private static final int MAX_PATHSPEC = 2000;
  private static final int MAX_TREE_PATHSPEC = 64;

  private Supersession() {}

  /**
   * The fork's commits with their changes ({@code git log --raw UPSTREAM..HEAD}): it needs no answer of git cherry,
   * so the collector starts it beside git cherry and hands it to {@link #find}.
   */
  static CommandResult forkLog(GitCli git, String upstream) {
    return git.run(List.of("-c", "core.quotePath=false", "log", "--no-merges", "--raw", "--no-abbrev", "--no-renames",
        "--format=@%H %H %s", upstream + "..HEAD"), "git log --no-merges --raw --no-renames "
        + ShellQuote.quote(upstream) + "..HEAD");
  }

  /**
   * @param own full shas of the fork commits git cherry found no equivalent for
   * @param forkLogRun {@link #forkLog}, started by the caller; joined only when some commit is the fork's own
   */
  static Result find(GitCli git, Executor pool, String base, String upstream, Set<String> own,
      CompletableFuture<CommandResult> forkLogRun) {
    if (own.isEmpty()) {
      return new Result(List.of(), "", null, null);
    }
    CommandResult forkLog = forkLogRun.join();
    String why = GitCli.unreadable(forkLog, "git log failed: ");
    if (!why.isEmpty()) {
      return new Result(List.of(), why, forkLog, forkLog);
    }
    List<Commit> commits = parseLog(forkLog.stdout()).stream().filter(c -> own.contains(c.sha())).toList();
    Set<String> paths = new TreeSet<>();
    commits.forEach(c -> c.changes().forEach(ch -> paths.add(ch.path())));
    if (paths.isEmpty()) {
      return new Result(List.of(), "", null, forkLog);
    }
    // Both trees side by side. Past a few dozen paths the whole tree is listed instead: git compares every entry
    // with every path given (2,000 paths over 4,000 files took 40 ms of CPU, the whole listing 5), and the blobs are
    // only looked up by path, so the extra entries change nothing.
    List<String> spec = paths.size() <= MAX_TREE_PATHSPEC ? List.copyOf(paths) : List.of();
    CompletableFuture<CommandResult> upTreeRun = CompletableFuture.supplyAsync(() -> lsTree(git, upstream, spec), pool);
    CommandResult headTree = lsTree(git, "HEAD", spec);
    CommandResult upTree = upTreeRun.join();
    for (CommandResult r : List.of(upTree, headTree)) {
      why = GitCli.unreadable(r, "git failed: ");
      if (!why.isEmpty()) {
        return new Result(List.of(), why, r, forkLog);
      }
    }
    Map<String, String> upBlobs = blobs(upTree.stdout());
    Map<String, String> headBlobs = blobs(headTree.stdout());
    // Upstream's history is walked only for the commits whose files upstream already holds byte for byte: on most
    // forks none, and that walk over a large upstream is the costliest git command of the run.
    List<Commit> possible = commits.stream().filter(c -> sameFiles(c, upBlobs, headBlobs)).toList();
    if (possible.isEmpty()) {
      return new Result(List.of(), "", null, forkLog);
    }
    Set<String> needed = new TreeSet<>();
    possible.forEach(c -> c.changes().stream().filter(ch -> ch.status() != 'D').forEach(ch -> needed.add(ch.path())));
    List<String> upArgs = new ArrayList<>(List.of("-c", "core.quotePath=false", "log", "--raw", "--no-abbrev",
        "--no-renames", "--reverse", "--format=@%H %H %s", base + ".." + upstream, "--"));
    upArgs.addAll(needed.size() <= MAX_PATHSPEC ? needed : List.of());
    CommandResult upLog = git.run(upArgs, null);
    why = GitCli.unreadable(upLog, "git failed: ");
    if (!why.isEmpty()) {
      return new Result(List.of(), why, upLog, forkLog);
    }
    List<Superseded> found = judge(possible, upBlobs, introduced(upLog.stdout()), upstream);
    return new Result(shortened(git, found, upstream), "", null, forkLog);
  }

  /**
   * The shas as git abbreviates them in this repository (one {@code git log --no-walk}; the log ran with full
   * blob ids, which also makes its %h full). A failure keeps the full shas: longer, still true.
   */
  private static List<Superseded> shortened(GitCli git, List<Superseded> found, String upstream) {
    if (found.isEmpty()) {
      return found;
    }
    Set<String> shas = new LinkedHashSet<>();
    found.forEach(f -> {
      shas.add(f.sha());
      f.byUpstream().forEach(u -> shas.add(u.split(" ", 2)[0]));
    });
    List<String> args = new ArrayList<>(List.of("log", "--no-walk=unsorted", "--format=%H %h"));
    args.addAll(shas);
    CommandResult r = git.run(args, null);
    Map<String, String> map = new HashMap<>();
    for (String line : r.ok() ? GitCli.lines(r) : List.<String>of()) {
      String[] p = line.strip().split(" ");
      if (p.length == 2) {
        map.put(p[0], p[1]);
      }
    }
    List<Superseded> out = new ArrayList<>();
    for (Superseded f : found) {
      String shortSha = map.getOrDefault(f.sha(), f.sha());
      List<String> by = f.byUpstream().stream().map(u -> {
        String[] p = u.split(" ", 2);
        return map.getOrDefault(p[0], p[0]) + (p.length > 1 ? " " + p[1] : "");
      }).toList();
      out.add(new Superseded(f.sha(), shortSha, f.subject(), by, f.command().replace(f.sha(), shortSha)));
    }
    return out;
  }

  /** Every file the commit writes is at the upstream ref as the commit or HEAD has it; every file it deletes is gone. */
  private static boolean sameFiles(Commit c, Map<String, String> upBlobs, Map<String, String> headBlobs) {
    int written = 0;
    for (Change ch : c.changes()) {
      String up = upBlobs.get(ch.path());
      if (ch.status() == 'D') {
        if (up != null) {
          return false;
        }
        continue;
      }
      written++;
      if (up == null || !(up.equals(ch.blob()) || up.equals(headBlobs.get(ch.path())))) {
        return false;
      }
    }
    return written > 0;
  }

  private static CommandResult lsTree(GitCli git, String ref, List<String> paths) {
    List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--full-tree", ref, "--"));
    args.addAll(paths);
    return git.run(args, null);
  }

  /**
   * The commits {@link #sameFiles} kept whose every written file was written upstream since the merge-base (the
   * upstream log names the commit that introduced that exact blob).
   */
  private static List<Superseded> judge(List<Commit> commits, Map<String, String> upBlobs,
      Map<String, String[]> introducedBy, String upstream) {
    List<Superseded> out = new ArrayList<>();
    for (Commit c : commits) {
      Set<String> by = new LinkedHashSet<>();
      boolean all = true;
      boolean matchesCommit = true;
      for (Change ch : c.changes()) {
        if (ch.status() == 'D') {
          continue; // gone upstream too: sameFiles checked it
        }
        String up = upBlobs.get(ch.path());
        String[] intro = introducedBy.get(ch.path() + "\0" + up);
        if (intro == null) {
          all = false;
          break;
        }
        matchesCommit &= up.equals(ch.blob());
        by.add(intro[0] + " " + intro[1]);
      }
      if (all) {
        List<String> written = c.changes().stream().map(Change::path).distinct().toList();
        String command = "git diff --stat " + (matchesCommit ? c.sha() : "HEAD") + " " + ShellQuote.quote(upstream)
            + " -- " + ShellQuote.join(written);
        out.add(new Superseded(c.sha(), c.shortSha(), c.subject(), List.copyOf(by), command));
      }
    }
    return out;
  }

  /** {@code git log --raw --format=@%H %H %s}: each commit with its changes (status, path, new blob). */
  static List<Commit> parseLog(String out) {
    List<Commit> commits = new ArrayList<>();
    String sha = null;
    String shortSha = "";
    String subject = "";
    List<Change> changes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (line.startsWith("@")) {
        if (sha != null) {
          commits.add(new Commit(sha, shortSha, subject, changes));
        }
        String[] p = line.substring(1).split(" ", 3);
        sha = p[0];
        shortSha = p.length > 1 ? p[1] : sha;
        subject = p.length > 2 ? p[2] : "";
        changes = new ArrayList<>();
      } else if (line.startsWith(":") && sha != null) {
        int tab = line.indexOf('\t');
        String[] meta = line.substring(1, tab < 0 ? line.length() : tab).split(" ");
        String path = tab < 0 ? "" : line.substring(tab + 1);
        if (meta.length >= 5 && !path.isEmpty() && !path.startsWith("\"")) {
          changes.add(new Change(meta[4].charAt(0), path, meta[3]));
        } else {
          // A path git had to quote cannot be matched; the commit is then never claimed.
          changes.add(new Change('?', path, NO_BLOB));
        }
      }
    }
    if (sha != null) {
      commits.add(new Commit(sha, shortSha, subject, changes));
    }
    return commits;
  }

  /** {@code git ls-tree -r -z}: "mode type blob TAB path NUL" -> path to blob. */
  static Map<String, String> blobs(String z) {
    Map<String, String> out = new HashMap<>();
    for (String rec : z.split("\0")) {
      int tab = rec.indexOf('\t');
      String[] meta = tab < 0 ? new String[0] : rec.substring(0, tab).split(" ");
      if (meta.length == 3) {
        out.put(rec.substring(tab + 1), meta[2]);
      }
    }
    return out;
  }

  /** The upstream log, oldest first: "path NUL blob" -> the first upstream commit (short sha, subject) that wrote it. */
  static Map<String, String[]> introduced(String out) {
    Map<String, String[]> first = new LinkedHashMap<>();
    for (Commit c : parseLog(out)) {
      for (Change ch : c.changes()) {
        if (ch.status() != 'D') {
          first.putIfAbsent(ch.path() + "\0" + ch.blob(), new String[] {c.shortSha(), c.subject()});
        }
      }
    }
    return first;
  }
}
