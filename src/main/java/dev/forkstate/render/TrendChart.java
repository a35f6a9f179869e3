package dev.forkstate.render;

import dev.forkstate.history.Trends;
import java.util.List;
import java.util.Locale;

/**
 * The trend as an SVG that GitHub renders next to the report: smoke pass rate (green, left axis, 0-100%) and commits
 * behind upstream (orange, right axis) per run, oldest left. Plain SVG 1.1, no script, no external reference; the
 * same points give the same bytes.
 */
public final class TrendChart {
  private static final int W = 640;
  private static final int H = 240;
  private static final int LEFT = 50;
  private static final int RIGHT = 50;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  private TrendChart() {}

  public static String svg(List<Trends.Point> points) {
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    long maxBehind = Math.max(1, points.stream().filter(p -> p.behind() != null).mapToLong(Trends.Point::behind)
        .max().orElse(1));
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-family=\"sans-serif\" "
        + "font-size=\"11\">\n");
    s.append("  <title>Smoke pass rate and commits behind upstream, last ").append(points.size())
        .append(" runs</title>\n");
    s.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    s.append("  <line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"")
        .append(LEFT + plotW).append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"#999999\"/>\n");
    s.append("  <text x=\"").append(LEFT).append("\" y=\"18\" fill=\"#1a7f37\">smoke pass rate (0-100%)</text>\n");
    s.append("  <text x=\"").append(LEFT + plotW).append("\" y=\"18\" fill=\"#bc4c00\" text-anchor=\"end\">commits "
        + "behind upstream (0-").append(maxBehind).append(")</text>\n");
    StringBuilder pass = new StringBuilder();
    StringBuilder behind = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Trends.Point p = points.get(i);
      double x = LEFT + (points.size() == 1 ? plotW / 2.0 : (double) plotW * i / (points.size() - 1));
      if (p.passRate() != null) {
        pass.append(fmt(x)).append(',').append(fmt(TOP + plotH * (1 - p.passRate()))).append(' ');
      }
      if (p.behind() != null) {
        behind.append(fmt(x)).append(',').append(fmt(TOP + plotH * (1 - (double) p.behind() / maxBehind)))
            .append(' ');
      }
      s.append("  <text x=\"").append(fmt(x)).append("\" y=\"").append(H - 22).append("\" text-anchor=\"middle\" "
          + "fill=\"#555555\">").append(escape(p.time().length() >= 10 ? p.time().substring(0, 10) : p.time()))
          .append("</text>\n");
    }
    series(s, "pass-rate", pass, "#1a7f37");
    series(s, "behind", behind, "#bc4c00");
    s.append("</svg>\n");
    return s.toString();
  }

  private static void series(StringBuilder s, String id, StringBuilder points, String color) {
    if (points.length() == 0) {
      return;
    }
    String pts = points.toString().strip();
    s.append("  <polyline id=\"").append(id).append("\" fill=\"none\" stroke=\"").append(color)
        .append("\" stroke-width=\"2\" points=\"").append(pts).append("\"/>\n");
    for (String pt : pts.split(" ")) {
      String[] xy = pt.split(",");
      s.append("  <circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3\" fill=\"")
          .append(color).append("\"/>\n");
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
