package dev.forkstate.fact;

import java.util.List;

/** What a fact measured. Sealed so renderers handle every shape. */
public sealed interface Value
    permits Value.Text, Value.Count, Value.Flag, Value.Paths, Value.Items, Value.Changes, Value.Tests, Value.Commits,
    Value.Candidates, Value.Numbers, Value.Conflicts, Value.Branch, Value.Series, Value.None {

  record Text(String text) implements Value {}

  record Count(long n) implements Value {}

  /** Numbers over recorded runs, oldest first (commits behind upstream per run, say). */
  record Series(List<Long> values) implements Value {
    public Series {
      values = List.copyOf(values);
    }
  }

  record Flag(boolean on) implements Value {}

  /** A sorted list of paths or names, each shown as it is. */
  record Paths(List<String> paths) implements Value {
    public Paths {
      paths = paths.stream().sorted().toList();
    }
  }

  /**
   * A list of short statements that name items ("path `x` is not committed", "`minillm/`: 3 commits"), sorted by
   * their plain text. A list of bare paths or names is {@link Paths}.
   */
  record Items(List<Phrase> items) implements Value {
    public Items {
      items = items.stream().sorted(java.util.Comparator.comparing(Phrase::plain)).toList();
    }

    /** Each entry's plain text, in order. */
    public List<String> plain() {
      return items.stream().map(Phrase::plain).toList();
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
  record Tests(int passed, int failed, int errors, int skipped, List<TestCase> notable, List<String> passedIds,
      Baseline atMergeBase) implements Value {
    public Tests {
      notable = notable.stream().sorted(java.util.Comparator.comparing(TestCase::id)).toList();
      passedIds = passedIds.stream().sorted().toList();
    }

    /** A run not compared with upstream's code (atMergeBase null). */
    public Tests(int passed, int failed, int errors, int skipped, List<TestCase> notable, List<String> passedIds) {
      this(passed, failed, errors, skipped, notable, passedIds, null);
    }

    /** Counts and notable cases, without the ids of the tests that passed (a runner that does not name them). */
    public Tests(int passed, int failed, int errors, int skipped, List<TestCase> notable) {
      this(passed, failed, errors, skipped, notable, List.of());
    }

    /** The same run with what the failing tests did on upstream's code at the merge-base. */
    public Tests withMergeBase(Baseline base) {
      return new Tests(passed, failed, errors, skipped, notable, passedIds, base);
    }

    /** This run's tests and another's together: several pytest runs in one smoke command count as one. */
    public Tests plus(Tests other) {
      List<TestCase> cases = new java.util.ArrayList<>(notable);
      cases.addAll(other.notable);
      List<String> ids = new java.util.ArrayList<>(passedIds);
      ids.addAll(other.passedIds);
      return new Tests(passed + other.passed, failed + other.failed, errors + other.errors, skipped + other.skipped,
          cases, ids);
    }

    /** The ids of the tests that failed or errored, in order. */
    public List<String> failingIds() {
      return notable.stream().filter(tc -> !tc.outcome().equals("skipped")).map(TestCase::id).toList();
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
   * The fork's failing tests run once more on upstream's code (a detached worktree at the merge-base {@code sha}),
   * so that a failure upstream shares is not blamed on the fork. Only tests that exist there can be compared.
   *
   * @param alsoFailing failing tests that fail or error at the merge-base too: not introduced by the fork
   * @param passing     failing tests that pass at the merge-base: the fork broke them
   * @param notThere    failing tests the merge-base run did not run or skipped (the fork's own tests, say)
   * @param notCompared why the merge-base run could not be compared at all (empty when it was)
   */
  record Baseline(String sha, List<String> alsoFailing, List<String> passing, List<String> notThere,
      String notCompared) {
    public Baseline {
      alsoFailing = alsoFailing.stream().sorted().toList();
      passing = passing.stream().sorted().toList();
      notThere = notThere.stream().sorted().toList();
    }

    public static Baseline notCompared(String sha, String why) {
      return new Baseline(sha, List.of(), List.of(), List.of(), why);
    }

    public boolean compared() {
      return notCompared.isEmpty();
    }

    /** "the merge-base `abc1234` (upstream's code)", or "upstream's code" when no merge-base was found. */
    public Phrase where() {
      return sha.isEmpty() ? Phrase.of("upstream's code") : Phrase.of("the merge-base ")
          .then(Phrase.Kind.SHA, sha.length() > 7 ? sha.substring(0, 7) : sha).then(" (upstream's code)");
    }
  }

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

  /*
   * The shapes below are measurements for a policy in the check package to judge (check/Judge): they carry
   * everything the rule needs, so the collector states what it found and never what that is worth.
   */

  /**
   * What a scan found that a rule may flag, each with the names an allowance can match; {@code listed} are names
   * the repository itself vouches for (the flags the guide documents, the packages it declares as extras),
   * {@code unread} the files that could not be read, so the list may be short, and {@code undecided} why some
   * candidates could not be told apart (a packaging file that could not be read leaves open whether a new import is
   * of an optional package); {@code undeclared} are names the repository's complete declarations do not hold at all
   * (a package no install of the project brings, unless a declared dependency happens to).
   */
  record Candidates(List<Candidate> found, List<String> listed, List<String> unread, List<String> undecided,
      List<String> undeclared) implements Value {
    public Candidates {
      found = found.stream().sorted(java.util.Comparator.comparing(c -> c.text().plain())).toList();
      listed = listed.stream().distinct().sorted().toList();
      unread = List.copyOf(unread);
      undecided = List.copyOf(undecided);
      undeclared = undeclared.stream().distinct().sorted().toList();
    }

    public Candidates(List<Candidate> found, List<String> listed, List<String> unread) {
      this(found, listed, unread, List.of(), List.of());
    }
  }

  /** One finding: its line for the report, and the names (a flag, {@code Qual.fn(param)}, a package) it goes by. */
  record Candidate(Phrase text, List<String> keys) {
    public Candidate {
      keys = List.copyOf(keys);
    }
  }

  /** Numbers read from a command's JSON, by dotted path. */
  record Numbers(java.util.SortedMap<String, Double> byPath) implements Value {
    public Numbers {
      byPath = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byPath));
    }

    /** How a number reads in report text: whole numbers without a fraction, others with two decimals. */
    public static String show(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
          : String.format(java.util.Locale.ROOT, "%.2f", d);
    }
  }

  /** The files a merge would conflict in, in path order; empty when the merge is clean. */
  record Conflicts(List<Conflict> files) implements Value {
    public Conflicts {
      files = files.stream().sorted(java.util.Comparator.comparing(Conflict::path)).toList();
    }
  }

  /**
   * One conflicted file: git's conflict kinds for it, the lines the fork changed in it since the merge-base, and the
   * path it had at the merge-base when upstream renamed it ({@code renamedFrom}, empty otherwise): the fork's lines
   * were counted in that file.
   */
  record Conflict(String path, List<ConflictKind> kinds, long forkLines, String renamedFrom) {
    public Conflict {
      kinds = kinds.stream().distinct().sorted().toList();
      renamedFrom = renamedFrom == null ? "" : renamedFrom;
    }

    public Conflict(String path, List<ConflictKind> kinds, long forkLines) {
      this(path, kinds, forkLines, "");
    }
  }

  /**
   * A branch prepared for an upstream pull request: the report's lines about it, its patches (all, and those with no
   * equivalent upstream), how a merge into upstream would go ({@code mergeWhy} says why it is not known), and how many
   * days its last commit is older than upstream's; its size against upstream.
   */
  record Branch(String name, String upstream, List<Phrase> lines, long patches, long ownPatches, Merge merge,
      String mergeWhy, long lagDays, Size size) implements Value {
    public Branch {
      lines = List.copyOf(lines);
      mergeWhy = mergeWhy == null ? "" : mergeWhy;
      java.util.Objects.requireNonNull(size, "size");
    }
  }

  /**
   * How big a change is against the upstream ref: commits ahead of it ({@code git rev-list --count}), files and lines
   * changed since the merge-base ({@code git diff --shortstat upstream...branch}).
   */
  record Size(long commits, long files, long added, long deleted) {}

  /** A merge preview's outcome; NOT_TRIED when there was nothing to merge. */
  enum Merge { CLEAN, CONFLICTS, UNKNOWN, NOT_TRIED }

  record None() implements Value {}

  static Value none() {
    return new None();
  }
}
