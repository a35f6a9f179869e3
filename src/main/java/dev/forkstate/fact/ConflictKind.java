package dev.forkstate.fact;

import java.util.Arrays;

/**
 * What kind of conflict git met in a file, in git's own words: the "CONFLICT (kind)" of its merge messages. The kind
 * decides the advice: an add/add conflict means upstream added the same path (often the same work landed upstream),
 * which a seam does not fix; a content conflict in a file the fork edited does.
 */
public enum ConflictKind {
  CONTENT("content"),
  ADD_ADD("add/add"),
  MODIFY_DELETE("modify/delete"),
  RENAME_DELETE("rename/delete"),
  RENAME_RENAME("rename/rename"),
  RENAME_COLLISION("rename involved in collision"),
  FILE_DIRECTORY("file/directory"),
  DISTINCT_TYPES("distinct types"),
  BINARY("binary"),
  DIRECTORY_RENAME("directory rename"),
  SUBMODULE("submodule"),
  /** A kind this version of forkstate does not know by name; still a conflict. */
  OTHER("other");

  private final String label;

  ConflictKind(String label) {
    this.label = label;
  }

  /** git's words for it: "add/add". */
  public String label() {
    return label;
  }

  /**
   * The kind for the words inside git's "CONFLICT (...)": both the message text ("content", "add/add", "distinct
   * types") and merge-ort's stable type names ("contents", "distinct modes", "file location", "implicit dir rename").
   */
  public static ConflictKind fromGit(String words) {
    String w = words.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (w) {
      case "content", "contents" -> CONTENT;
      case "distinct modes", "distinct types" -> DISTINCT_TYPES;
      case "submodule", "submodule lacks merge base" -> SUBMODULE;
      default -> w.contains("dir") && w.contains("rename") || w.equals("file location") ? DIRECTORY_RENAME
          : Arrays.stream(values()).filter(k -> k.label.equals(w)).findFirst().orElse(OTHER);
    };
  }
}
