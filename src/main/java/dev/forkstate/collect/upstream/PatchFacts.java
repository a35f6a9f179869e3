package dev.forkstate.collect.upstream;

import static dev.forkstate.fact.Phrase.Kind.COMMAND;
import static dev.forkstate.fact.Phrase.Kind.PATH;
import static dev.forkstate.fact.Phrase.Kind.REF;
import static dev.forkstate.fact.Phrase.Kind.SHA;

import dev.forkstate.collect.GitCli;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.Noun;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The fork's commits by where their work is: an equivalent patch upstream ({@code git cherry} "-"), their files
 * already upstream although no patch matches (superseded, e.g. by a squash; {@link Supersession}), or the fork's own.
 * Counts are of non-merge commits, as git cherry counts them, and the merge commits left out are named.
 */
final class PatchFacts {
  private PatchFacts() {}

  /** @param forkLog {@link Supersession#forkLog}, started beside git cherry */
  static List<Fact> of(GitCli git, Executor pool, String base, String upstream, CommandResult cherry,
      CommandResult log, CommandResult merges, CompletableFuture<CommandResult> forkLog) {
    // Both are read whole or not at all: a cut cherry undercounts, a cut log drops files from the area grouping.
    String cherryWhy = GitCli.unreadable(cherry, "git cherry failed: ");
    String why = !cherryWhy.isEmpty() ? cherryWhy : GitCli.unreadable(log, "git log failed: ");
    if (!why.isEmpty()) {
      CommandResult shown = cherryWhy.isEmpty() ? log : cherry;
      return List.of(Fact.unknown(FactIds.UPSTREAM_PATCHES_FORK_ONLY, why, shown.evidence()),
          Fact.unknown(FactIds.UPSTREAM_PATCHES_UPSTREAMED, why, shown.evidence()),
          Fact.unknown(FactIds.UPSTREAM_PATCHES_SUPERSEDED, why, shown.evidence()));
    }
    // Keyed by full sha (what git cherry prints): a lookup, not a scan, for thousands of commits.
    Map<String, String> shortShas = new HashMap<>();
    Map<String, String> subjects = new HashMap<>();
    Map<String, List<String>> files = new HashMap<>();
    String current = null;
    for (String line : log.stdout().split("\n")) {
      if (line.startsWith("@")) {
        String[] parts = line.substring(1).split(" ", 3);
        current = parts[0];
        shortShas.put(current, parts.length > 1 ? parts[1] : current.substring(0, Math.min(7, current.length())));
        subjects.put(current, parts.length > 2 ? parts[2] : "");
        files.put(current, new ArrayList<>());
      } else if (!line.isBlank() && current != null) {
        files.get(current).add(line.strip());
      }
    }
    List<Phrase> upstreamed = new ArrayList<>();
    Set<String> own = new LinkedHashSet<>();
    for (String line : GitCli.lines(cherry)) {
      String[] parts = line.split(" ", 2);
      if (parts.length < 2) {
        continue;
      }
      String sha = parts[1].strip();
      if (parts[0].equals("-")) {
        String shortSha = shortShas.getOrDefault(sha, sha.substring(0, Math.min(7, sha.length())));
        upstreamed.add(Phrase.of(SHA, shortSha).then(" " + subjects.getOrDefault(sha, "")));
      } else {
        own.add(sha);
      }
    }
    int total = own.size() + upstreamed.size();
    String counted = Noun.count(total, "non-merge fork commit");
    long mergeCount = GitCli.unreadable(merges, "").isEmpty() ? parseLong(GitCli.firstLine(merges)) : -1;
    String mergeNote = mergeCount > 0 ? "; " + Noun.count(mergeCount, "merge commit") + " not counted" : "";

    Supersession.Result sup = Supersession.find(git, pool, base, upstream, own, forkLog);
    Set<String> superseded = new HashSet<>();
    sup.commits().forEach(s -> superseded.add(s.sha()));
    Map<String, Integer> byArea = new TreeMap<>();
    long ownLeft = own.stream().filter(s -> !superseded.contains(s)).peek(sha -> {
      LinkedHashMap<String, Boolean> areas = new LinkedHashMap<>();
      files.getOrDefault(sha, List.of()).forEach(f -> areas.put(area(f), true));
      areas.keySet().forEach(a -> byArea.merge(a, 1, Integer::sum));
    }).count();
    List<Phrase> areaItems = new ArrayList<>();
    // An area is a top folder's subfolder (every file under it) or a top folder's own files: said so, so that
    // `celery/` is not read as all of celery.
    byArea.forEach((a, n) -> areaItems.add(Phrase.of(PATH, a).then((ownFiles(a) ? " (files directly in it)" : "")
        + ": " + Noun.count(n, "commit"))));

    List<Fact> out = new ArrayList<>();
    out.add(Fact.of(FactIds.UPSTREAM_PATCHES_FORK_ONLY, Status.INFO, new Value.Items(areaItems), ownLeft + " of "
        + counted + " " + (ownLeft == 1 ? "is" : "are") + " fork-only (no equivalent patch upstream"
        + (sup.why().isEmpty() ? ", and " + (ownLeft == 1 ? "its" : "their") + " files are not already upstream"
        : "") + ")" + mergeNote,
        cherry.evidence()));
    out.add(Fact.of(FactIds.UPSTREAM_PATCHES_UPSTREAMED, Status.INFO, new Value.Items(upstreamed), upstreamed.isEmpty()
        ? "no fork commit has an equivalent patch upstream" : upstreamed.size() + " of " + counted
        + " already upstream as an equivalent patch: drop them on the next rebase", cherry.evidence()));
    out.add(superseded(sup, counted, upstream));
    return out;
  }

  private static Fact superseded(Supersession.Result sup, String counted, String upstream) {
    if (!sup.why().isEmpty()) {
      return Fact.unknown(FactIds.UPSTREAM_PATCHES_SUPERSEDED, "whether upstream already holds the fork's files "
          + "could not be read: " + sup.why(), sup.failed().evidence());
    }
    Evidence ev = sup.forkLog() == null ? Evidence.ofCommand("git cherry -v " + upstream + " HEAD")
        : sup.forkLog().evidence();
    List<Phrase> items = new ArrayList<>();
    for (Supersession.Superseded s : sup.commits()) {
      List<Phrase> by = s.byUpstream().stream().map(u -> {
        String[] p = u.split(" ", 2);
        return Phrase.of(SHA, p[0]).then(p.length > 1 ? " " + p[1] : "");
      }).toList();
      items.add(Phrase.of(SHA, s.shortSha()).then(" " + s.subject() + ": superseded by ").then(Phrase.join(by, ", "))
          .then(" (").then(COMMAND, s.command()).then(" prints nothing)"));
    }
    return Fact.of(FactIds.UPSTREAM_PATCHES_SUPERSEDED, Status.INFO, new Value.Items(items), items.isEmpty()
        ? Phrase.of("no fork commit is superseded: upstream holds none of their files as the fork wrote them")
        : Phrase.of(items.size() + " of " + counted + " superseded by upstream: every file they touch is already "
            + "identical at ").then(REF, upstream).then(" though no patch matches (e.g. a squash): drop them on the "
            + "next rebase"), ev);
  }

  /** An area of a top folder's own files ("celery/"), not a subfolder with everything under it ("celery/app/"). */
  private static boolean ownFiles(String area) {
    return area.endsWith("/") && area.indexOf('/') == area.length() - 1;
  }

  private static String area(String path) {
    String[] parts = path.split("/");
    return parts.length == 1 ? "(root)" : parts.length == 2 ? parts[0] + "/" : parts[0] + "/" + parts[1] + "/";
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
