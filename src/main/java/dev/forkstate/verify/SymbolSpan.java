package dev.forkstate.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code span that names Python code: {@code Router(..., router_core="legacy")} (a class called with a keyword),
 * {@code extras/cache.configure_cache_redis(router, ...)} (a module's function), {@code pkg.mod:Qual.name} (a
 * qualname), or {@code NAME=value} (an environment flag and the value it is said to take). Pure text work.
 *
 * @param module the module path as written (slashes or dots), empty for a bare class or function name
 * @param name the class, function or qualname; for an env flag, the variable
 * @param params keyword parameters the call passes
 * @param value the env flag's value, else empty
 */
record SymbolSpan(Kind kind, String module, String name, List<String> params, String value) {
  enum Kind { CALL, QUALNAME, ENV_FLAG }

  private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w/.]*?)(?:\\.([A-Za-z_]\\w*))?\\((.*)\\)");
  private static final Pattern KEYWORD = Pattern.compile("(?<![\\w.\"'])([A-Za-z_]\\w*)\\s*=(?!=)");
  private static final Pattern QUALNAME = Pattern.compile("([A-Za-z_][\\w.]*):([A-Za-z_][\\w.]*)");
  private static final Pattern ENV_FLAG = Pattern.compile("([A-Z][A-Z0-9_]{2,})=([\\w.:-]*\\w)");

  static Optional<SymbolSpan> of(String span) {
    String s = span.strip();
    Matcher env = ENV_FLAG.matcher(s);
    if (env.matches()) {
      return Optional.of(new SymbolSpan(Kind.ENV_FLAG, "", env.group(1), List.of(), env.group(2)));
    }
    Matcher q = QUALNAME.matcher(s);
    if (q.matches()) {
      return Optional.of(new SymbolSpan(Kind.QUALNAME, q.group(1), q.group(2), List.of(), ""));
    }
    Matcher c = CALL.matcher(s);
    if (!c.matches()) {
      return Optional.empty();
    }
    String module = c.group(2) == null ? "" : c.group(1);
    String name = c.group(2) == null ? c.group(1) : c.group(2);
    if (name.contains("/") || name.contains(".") || module.startsWith(".") || module.endsWith("/")) {
      return Optional.empty();
    }
    List<String> params = new ArrayList<>();
    Matcher k = KEYWORD.matcher(stripStrings(c.group(3)));
    while (k.find()) {
      params.add(k.group(1));
    }
    return Optional.of(new SymbolSpan(Kind.CALL, module, name, List.copyOf(params), ""));
  }

  /** Text with string literals blanked, so a keyword inside a quoted value is not read as a parameter. */
  private static String stripStrings(String args) {
    return args.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"");
  }

  /** Environment flags written in prose: "with LITELLM_ROUTER_CORE=extracted". */
  static List<SymbolSpan> envFlagsIn(String text) {
    List<SymbolSpan> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?<![\\w$])" + ENV_FLAG.pattern() + "(?![\\w(])").matcher(text);
    while (m.find()) {
      out.add(new SymbolSpan(Kind.ENV_FLAG, "", m.group(1), List.of(), m.group(2)));
    }
    return out;
  }
}
