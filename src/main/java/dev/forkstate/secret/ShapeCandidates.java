package dev.forkstate.secret;

import java.util.Arrays;
import java.util.List;

/**
 * Where in a text each {@link TokenShapes} shape could match: the positions of its literals (or just after them),
 * and where "://" stands, for URL user info. One pass over the text: at each character that starts some literal,
 * the literals starting with it are compared there. Most text holds none, and then no expression runs at all.
 */
final class ShapeCandidates {
  /** For each ASCII character, the (shape, literal) pairs whose literal starts with it; the URL mark is shape -1. */
  private static final int[][] SHAPE_BY_FIRST = new int[128][];
  private static final String[][] LITERAL_BY_FIRST = new String[128][];

  static {
    List<TokenShapes.Shape> shapes = TokenShapes.SHAPES;
    for (int k = -1; k < shapes.size(); k++) {
      for (String lit : k < 0 ? List.of(TokenShapes.URL_MARK) : shapes.get(k).literals()) {
        char c = lit.charAt(0);
        int n = SHAPE_BY_FIRST[c] == null ? 0 : SHAPE_BY_FIRST[c].length;
        SHAPE_BY_FIRST[c] = Arrays.copyOf(SHAPE_BY_FIRST[c] == null ? new int[0] : SHAPE_BY_FIRST[c], n + 1);
        LITERAL_BY_FIRST[c] = Arrays.copyOf(LITERAL_BY_FIRST[c] == null ? new String[0] : LITERAL_BY_FIRST[c], n + 1);
        SHAPE_BY_FIRST[c][n] = k;
        LITERAL_BY_FIRST[c][n] = lit;
      }
    }
  }

  private static final int[] NONE = new int[0];
  private final int[][] byShape;
  private final int[] urls;

  private ShapeCandidates(int[][] byShape, int[] urls) {
    this.byShape = byShape;
    this.urls = urls;
  }

  static ShapeCandidates scan(String text) {
    int shapes = TokenShapes.SHAPES.size();
    int[][] found = new int[shapes + 1][]; // index 0: the URL mark, k + 1: shape k
    int[] counts = new int[shapes + 1];
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 128 || SHAPE_BY_FIRST[c] == null) {
        continue;
      }
      int[] ks = SHAPE_BY_FIRST[c];
      String[] lits = LITERAL_BY_FIRST[c];
      for (int j = 0; j < ks.length; j++) {
        if (text.startsWith(lits[j], i)) {
          int slot = ks[j] + 1;
          int pos = ks[j] >= 0 && TokenShapes.SHAPES.get(ks[j]).after() ? i + lits[j].length() : i;
          if (found[slot] == null) {
            found[slot] = new int[4];
          } else if (counts[slot] == found[slot].length) {
            found[slot] = Arrays.copyOf(found[slot], counts[slot] * 2);
          }
          found[slot][counts[slot]++] = pos;
        }
      }
    }
    int[][] byShape = new int[shapes][];
    for (int k = 0; k < shapes; k++) {
      byShape[k] = trim(found[k + 1], counts[k + 1]);
    }
    return new ShapeCandidates(byShape, trim(found[0], counts[0]));
  }

  private static int[] trim(int[] a, int n) {
    return a == null ? NONE : (n == a.length ? a : Arrays.copyOf(a, n));
  }

  /** Shape k's candidate positions, ascending. */
  int[] of(int k) {
    return byShape[k];
  }

  /** The positions of "://", ascending. */
  int[] urls() {
    return urls;
  }
}
