package dev.forkstate.collect.happypath;

import java.util.ArrayList;
import java.util.List;

/** One line of `git diff --raw -z`: old and new mode and blob, status letter, path. */
record RawChange(String oldMode, String newMode, String oldBlob, String newBlob, char status, String path) {
  static List<RawChange> parse(String z) {
    List<RawChange> out = new ArrayList<>();
    String[] parts = z.split("\0");
    for (int i = 0; i + 1 < parts.length; i += 2) {
      String[] meta = parts[i].strip().split(" ");
      if (meta.length < 5 || !meta[0].startsWith(":")) {
        continue;
      }
      out.add(new RawChange(meta[0].substring(1), meta[1], meta[2], meta[3], meta[4].charAt(0), parts[i + 1]));
    }
    return out;
  }

  /**
   * The record's own text, spelled out: it is part of the scan summary's cache key (so it must not change), and the
   * generated one is linked on its first call, which cost a run more than the git command that listed the changes.
   */
  @Override
  public String toString() {
    return "RawChange[oldMode=" + oldMode + ", newMode=" + newMode + ", oldBlob=" + oldBlob + ", newBlob=" + newBlob
        + ", status=" + status + ", path=" + path + "]";
  }

  /** A regular file on the side(s) it exists: not a symlink (120000) or a submodule (160000). */
  boolean regularFile() {
    return regular(oldMode) && regular(newMode);
  }

  private static boolean regular(String mode) {
    return mode.equals("000000") || mode.startsWith("100");
  }
}
