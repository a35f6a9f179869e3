package dev.forkstate.exec;

import java.util.List;

/** Kills a process and every descendant it has, children first, so nothing it started outlives a timeout. */
final class ProcessTree {
  private ProcessTree() {}

  static void kill(Process process) {
    // Snapshot before killing: once the parent dies, its children are re-parented and no longer its descendants.
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
