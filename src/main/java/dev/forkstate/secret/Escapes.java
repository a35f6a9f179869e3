package dev.forkstate.secret;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms a secret takes once an output has escaped it: JSON strings ({@code \"}, {@code \\}, {@code \u0001}), the
 * facts comment in the Markdown (JSON with {@code --} and {@code >} as {@code \u002d} and {@code \u003e}), HTML
 * entities and percent-encoding. (Markdown escapes are not listed: the Markdown is rendered from data
 * that was redacted before.) The text pass masks each of them.
 */
final class Escapes {
  private Escapes() {}

  static Set<String> of(String s) {
    Set<String> out = new LinkedHashSet<>();
    String json = json(s);
    out.add(json);
    out.add(json.replace("--", "-\\u002d").replace(">", "\\u003e"));
    out.add(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;"));
    out.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
    out.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    out.remove(s);
    return out;
  }

  /** As Jackson writes a string's content: quote, backslash and control characters escaped. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
