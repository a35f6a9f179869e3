package dev.forkstate.app;

import dev.forkstate.collect.python.PyModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Capabilities `forkstate init` proposes from what the fork added: one per new package (a new folder with an
 * __init__.py) or per new module in an existing package, with the folder or file as path evidence and up to three
 * of its public names as symbol evidence. The user names and describes them; forkstate checks them on every run.
 */
final class CapabilityProposals {
  private static final int SYMBOLS = 3;

  private CapabilityProposals() {}

  record Proposal(String name, String path, List<String> symbols) {}

  /** @param added entries of python.added-modules: "pkg/mod.py: name1, name2" or "pkg/__init__.py" */
  static List<Proposal> of(List<String> added) {
    Set<String> newPackages = added.stream().map(e -> e.split(":", 2)[0].strip())
        .filter(p -> p.endsWith("/__init__.py")).map(p -> p.substring(0, p.length() - "__init__.py".length()))
        .collect(Collectors.toSet());
    Map<String, List<String>> symbolsByPath = new TreeMap<>();
    for (String entry : added) {
      String file = entry.split(":", 2)[0].strip();
      String evidence = newPackages.stream().filter(file::startsWith).min(java.util.Comparator.naturalOrder())
          .orElse(file);
      List<String> syms = symbolsByPath.computeIfAbsent(evidence, k -> new ArrayList<>());
      if (entry.contains(":")) {
        for (String s : entry.split(":", 2)[1].split(",")) {
          String name = s.strip();
          if (!name.isEmpty() && !name.startsWith("…") && syms.size() < SYMBOLS) {
            syms.add(PyModule.nameOf(file) + ":" + name);
          }
        }
      }
    }
    List<Proposal> out = new ArrayList<>();
    symbolsByPath.forEach((path, syms) -> out.add(new Proposal(PyModule.nameOf(path), path, syms)));
    return out;
  }
}
