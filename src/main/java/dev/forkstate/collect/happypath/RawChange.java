package dev.forkstate.collect.happypath;

import java.util.ArrayList;
import java.util.List;

/** One line of `git diff --raw -z`: old and new blob, status letter, path. */
record RawChange(String oldBlob, String newBlob, char status, String path) {
  static List<RawChange> parse(String z) {
    List<RawChange> out = new ArrayList<>();
    String[] parts = z.split("\0");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      String[] meta = parts[i].strip().split(" ");
      if (meta.length < 5 || !meta[0].startsWith(":")) {
        continue;
      }
      out.add(new RawChange(meta[2], meta[3], meta[4].charAt(0), parts[i + 1]));
    }
    return out;
  }
}
