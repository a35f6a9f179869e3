package dev.forkstate.collect.upstream;

import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code git diff --numstat -z} output: "added TAB deleted TAB path NUL", and with rename detection ({@code -M})
 * "added TAB deleted TAB NUL old NUL new NUL" for a renamed file; "-" counts for binary files.
 */
final class NumstatParser {
  private NumstatParser() {}

  /** One file's counts; {@code from} is its path before a rename, empty when it was not renamed. */
  record Entry(String path, String from, long added, long deleted, boolean binary) {
    long lines() {
      return added + deleted;
    }
  }

  static Value.Changes parse(String out) {
    return new Value.Changes(entries(out).stream()
        .map(e -> new Value.FileChange(e.path(), e.added(), e.deleted(), e.binary())).toList());
  }

  static List<Entry> entries(String out) {
    List<Entry> files = new ArrayList<>();
    String[] fields = out.split("\0", -1);
    for (int i = 0; i < fields.length; i++) {
      String r = fields[i].startsWith("\n") ? fields[i].substring(1) : fields[i];
      if (r.isBlank()) {
        continue;
      }
      String[] parts = r.split("\t", 3);
      if (parts.length != 3) {
        throw new IllegalStateException("unexpected numstat record: " + r);
      }
      boolean binary = parts[0].equals("-");
      long a = binary ? 0 : Long.parseLong(parts[0]);
      long d = binary ? 0 : Long.parseLong(parts[1]);
      if (!parts[2].isEmpty()) {
        files.add(new Entry(parts[2], "", a, d, binary));
      } else if (i + 2 < fields.length) {
        // A rename: the old and the new path follow as their own fields.
        files.add(new Entry(fields[i + 2], fields[i + 1], a, d, binary));
        i += 2;
      } else {
        throw new IllegalStateException("numstat rename record without its paths");
      }
    }
    return files;
  }
}
