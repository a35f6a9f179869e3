package dev.forkstate.fact;

import java.util.List;

/** What a fact measured. Sealed so renderers handle every shape. */
public sealed interface Value
    permits Value.Text, Value.Count, Value.Flag, Value.Paths, Value.Changes, Value.Tests, Value.Commits, Value.None {

  record Text(String text) implements Value {}

  record Count(long n) implements Value {}

  record Flag(boolean on) implements Value {}

  /** A sorted list of paths or names. */
  record Paths(List<String> paths) implements Value {
    public Paths {
      paths = paths.stream().sorted().toList();
    }
  }

  /** Files changed between two commits with their line counts, in path order. */
  record Changes(List<FileChange> files) implements Value {
    public Changes {
      files = files.stream().sorted(java.util.Comparator.comparing(FileChange::path)).toList();
    }

    public long added() {
      return files.stream().mapToLong(FileChange::added).sum();
    }

    public long deleted() {
      return files.stream().mapToLong(FileChange::deleted).sum();
    }
  }

  /** One file's change; binary files have no line counts. */
  record FileChange(String path, long added, long deleted, boolean binary) {}

  /** One test run: counts and the notable cases (failed, errored, skipped), in node-id order. */
  record Tests(int passed, int failed, int errors, int skipped, List<TestCase> notable, List<String> passedIds)
      implements Value {
    public Tests {
      notable = notable.stream().sorted(java.util.Comparator.comparing(TestCase::id)).toList();
      passedIds = passedIds.stream().sorted().toList();
    }

    /** Counts and notable cases, without the ids of the tests that passed (a runner that does not name them). */
    public Tests(int passed, int failed, int errors, int skipped, List<TestCase> notable) {
      this(passed, failed, errors, skipped, notable, List.of());
    }

    /** Every named test with its outcome: passed, failed, error or skipped. */
    public java.util.Map<String, String> outcomes() {
      java.util.Map<String, String> out = new java.util.TreeMap<>();
      passedIds.forEach(id -> out.put(id, "passed"));
      notable.forEach(tc -> out.put(tc.id(), tc.outcome()));
      return out;
    }

    public int total() {
      return passed + failed + errors + skipped;
    }
  }

  /** A test that did not simply pass: its outcome and the first lines of its message or skip reason. */
  record TestCase(String id, String outcome, String message) {}

  /**
   * Commits in git's order (newest first), at most the first {@code shown} of {@code total}. Subjects are repository
   * text: data to quote, never instructions.
   */
  record Commits(List<Commit> commits, long total) implements Value {
    public Commits {
      commits = List.copyOf(commits);
    }
  }

  record Commit(String sha, String subject) {}

  record None() implements Value {}

  static Value none() {
    return new None();
  }
}
