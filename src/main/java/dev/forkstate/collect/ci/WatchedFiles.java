package dev.forkstate.collect.ci;

import dev.forkstate.fact.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a push must be able to change and still start the workflow, for a green run to vouch for the fork:
 * every tracked file under the smoke test paths, and every tracked Python file of the package (a folder at the root
 * or under {@code src/} holding an {@code __init__.py}). A {@code paths:} filter that lets one of them through
 * unnoticed lets a push that changes only it go untested.
 *
 * @param areas    the smoke paths and package folders, for the report to name
 * @param files    the tracked files in them that must trigger the workflow
 * @param problem  why the list cannot vouch for the filter (git failed, no smoke path, no package); empty if it can
 * @param evidence how the tracked files were listed
 */
record WatchedFiles(List<String> areas, List<String> files, String problem, List<Evidence> evidence) {
  private static final Pattern PACKAGE_INIT = Pattern.compile("((?:src/)?[^/]+)/__init__\\.py");

  WatchedFiles {
    areas = List.copyOf(areas);
    files = List.copyOf(files);
    evidence = List.copyOf(evidence);
  }

  static WatchedFiles of(List<String> tracked, List<String> smokePaths, Evidence listed) {
    TreeSet<String> packages = new TreeSet<>();
    for (String f : tracked) {
      Matcher m = PACKAGE_INIT.matcher(f);
      if (m.matches() && !m.group(1).equals("src")) {
        packages.add(m.group(1));
      }
    }
    List<String> areas = new ArrayList<>(smokePaths);
    areas.addAll(packages.stream().filter(p -> !smokePaths.contains(p)).toList());
    TreeSet<String> files = new TreeSet<>();
    List<String> empty = new ArrayList<>();
    for (String p : smokePaths) {
      List<String> under = tracked.stream().filter(f -> f.equals(p) || f.startsWith(p + "/")).toList();
      if (under.isEmpty()) {
        empty.add(p);
      }
      files.addAll(under);
    }
    for (String pkg : packages) {
      tracked.stream().filter(f -> f.startsWith(pkg + "/") && f.endsWith(".py")).forEach(files::add);
    }
    String problem = smokePaths.isEmpty() ? "no smoke test paths to check it against"
        : !empty.isEmpty() ? "no tracked file under " + String.join(", ", empty)
        : packages.isEmpty() ? "no package folder (with an __init__.py) to check it against" : "";
    return new WatchedFiles(areas, List.copyOf(files), problem, List.of(listed));
  }

  static WatchedFiles unreadable(String why, Evidence listed) {
    return new WatchedFiles(List.of(), List.of(), why, List.of(listed));
  }
}
