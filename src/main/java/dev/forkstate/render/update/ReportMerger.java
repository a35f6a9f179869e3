package dev.forkstate.render.update;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts a fresh report into an existing file. Sections forkstate owns are replaced; hand-written text is copied byte
 * for byte at its place; keep blocks inside owned sections move into the new section; a fresh section the file
 * lacks is inserted after the owned section that precedes it in the canonical order. Edited lines that the new
 * text does not contain are counted, so the caller can save the previous file and say so.
 */
public final class ReportMerger {
  private ReportMerger() {}

  /** A segment of the output: a managed id (or null for the user's text) and its text. */
  private record Segment(String id, String text) {}

  /**
   * @param fresh the new managed blocks in canonical order, id to full text (markers included, ending in a newline)
   * @param freshFacts the new facts line (ending in a newline)
   */
  public static MergeResult merge(ReportDocument old, LinkedHashMap<String, String> fresh, String freshFacts) {
    List<Segment> out = new ArrayList<>();
    Map<String, Integer> overwritten = new TreeMap<>();
    Set<String> emitted = new HashSet<>();
    List<String> kept = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    boolean factsPlaced = false;
    for (Block b : old.blocks()) {
      if (b instanceof Block.HandWritten h) {
        out.add(new Segment(null, h.text()));
      } else if (b instanceof Block.Facts) {
        if (!factsPlaced) {
          out.add(new Segment("facts", freshFacts));
          factsPlaced = true;
        }
      } else if (b instanceof Block.Managed m) {
        String replacement = fresh.get(m.id());
        if (replacement == null) {
          // A section this run does not write (pasted from an older report, or another tool's): it is the user's
          // now, kept byte for byte with its marks; forkstate never drops words it will not write again.
          out.add(new Segment(null, m.text()));
          foreign.add(m.id());
          continue;
        }
        List<String> keeps = Markers.keepBlocks(m.body());
        int lost = editedLinesNotIn(m, replacement);
        if (lost > 0) {
          overwritten.merge(m.id(), lost, Integer::sum);
        }
        if (!keeps.isEmpty()) {
          kept.add(m.id());
        }
        out.add(new Segment(m.id(), withKeeps(replacement, keeps)));
        emitted.add(m.id());
      }
    }
    insertMissing(out, fresh, emitted);
    if (!factsPlaced) {
      appendSeparated(out, new Segment("facts", freshFacts));
    }
    StringBuilder text = new StringBuilder();
    out.forEach(s -> text.append(s.text()));
    return new MergeResult(text.toString(), overwritten, !old.marked() && !old.blocks().isEmpty()
        && old.blocks().stream().anyMatch(b -> b instanceof Block.Managed), kept, foreign);
  }

  /** A report with nothing before it: the fresh blocks, separated by blank lines, then the facts line. */
  public static String fresh(LinkedHashMap<String, String> fresh, String freshFacts) {
    return String.join("\n", fresh.values()) + "\n" + freshFacts;
  }

  /**
   * Lines of an owned section that the user wrote or changed and that the new text does not contain. A section whose
   * body is the new body word for word loses nothing (every line of it is in the new text), nor does one whose body
   * still matches the hash forkstate recorded (it was not edited): the first, cheaper check spares hashing the
   * sections a rerun writes again unchanged.
   */
  private static int editedLinesNotIn(Block.Managed m, String replacement) {
    if (m.body().equals(Markers.body(replacement))
        || m.recordedHash() != null && m.recordedHash().equals(Markers.hash(m.body()))) {
      return 0;
    }
    Set<String> fresh = new HashSet<>();
    Lines.split(replacement).forEach(l -> fresh.add(comparable(l)));
    int lost = 0;
    String source = m.recordedHash() == null ? m.text() : m.body();
    for (String line : Lines.split(Markers.withoutKeepBlocks(source))) {
      String bare = comparable(line);
      if (!bare.isEmpty() && !fresh.contains(bare)) {
        lost++;
      }
    }
    return lost;
  }

  /** A line as compared for loss: "## Gaps" and "Gaps" say the same, so a migrated title is not a lost line. */
  private static String comparable(String line) {
    return Lines.bare(line).strip().replaceFirst("^#{1,6}\\s+", "");
  }

  /** The keep blocks go at the end of the new section, before its end mark, after a blank line. */
  private static String withKeeps(String block, List<String> keeps) {
    if (keeps.isEmpty()) {
      return block;
    }
    List<String> lines = Lines.split(block);
    String endLine = lines.get(lines.size() - 1);
    StringBuilder sb = new StringBuilder(String.join("", lines.subList(0, lines.size() - 1)));
    sb.append('\n');
    for (String k : keeps) {
      sb.append(k);
      if (!k.endsWith("\n") && !k.endsWith("\r")) {
        sb.append('\n');
      }
    }
    return sb.append(endLine).toString();
  }

  private static void insertMissing(List<Segment> out, LinkedHashMap<String, String> fresh, Set<String> emitted) {
    List<String> order = new ArrayList<>(fresh.keySet());
    for (int k = 0; k < order.size(); k++) {
      String id = order.get(k);
      if (emitted.contains(id)) {
        continue;
      }
      int at = -1;
      for (int j = k - 1; j >= 0 && at < 0; j--) {
        at = indexOf(out, order.get(j));
      }
      Segment seg = new Segment(id, fresh.get(id));
      if (at < 0) {
        // Nothing of ours precedes it: before the first owned section, or at the end of a file with none.
        int firstOwned = -1;
        for (int i = 0; i < out.size() && firstOwned < 0; i++) {
          if (out.get(i).id() != null) {
            firstOwned = i;
          }
        }
        if (firstOwned < 0) {
          appendSeparated(out, seg);
        } else {
          out.add(firstOwned, new Segment(null, "\n"));
          out.add(firstOwned, seg);
        }
      } else {
        out.add(at + 1, new Segment(null, "\n"));
        out.add(at + 2, seg);
      }
      emitted.add(id);
    }
  }

  private static int indexOf(List<Segment> out, String id) {
    for (int i = 0; i < out.size(); i++) {
      if (id.equals(out.get(i).id())) {
        return i;
      }
    }
    return -1;
  }

  private static void appendSeparated(List<Segment> out, Segment seg) {
    if (!out.isEmpty()) {
      String last = out.get(out.size() - 1).text();
      if (!last.endsWith("\n") && !last.endsWith("\r")) {
        out.add(new Segment(null, "\n"));
      }
      out.add(new Segment(null, "\n"));
    }
    out.add(seg);
  }
}
