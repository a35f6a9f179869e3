package dev.forkstate.collect.upstream;

import dev.forkstate.fact.Value;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code git diff --numstat -z} output ("added TAB deleted TAB path NUL"; "-" counts for binary files). */
final class NumstatParser {
  private NumstatParser() {}

  static Value.Changes parse(String out) {
    List<Value.FileChange> files = new ArrayList<>();
    for (String record : out.split("\0")) {
      String r = record.startsWith("\n") ? record.substring(1) : record;
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
      files.add(new Value.FileChange(parts[2], a, d, binary));
    }
    return new Value.Changes(files);
  }
}
