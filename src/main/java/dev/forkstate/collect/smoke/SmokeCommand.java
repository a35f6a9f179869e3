package dev.forkstate.collect.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What forkstate can tell from a smoke command line without running it: whether pytest runs it (so per-test results
 * can be read from a JUnit XML report) and which test paths it names (so the report can say whether they are committed).
 */
public record SmokeCommand(String line, boolean pytest, List<String> testPaths) {
  private static final Pattern PYTEST = Pattern.compile("(^|[\\s;&|(])(python3?\\s+-m\\s+)?(py\\.test|pytest)(\\s|$)");
  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

  public static SmokeCommand parse(String line) {
    boolean isPytest = PYTEST.matcher(line).find();
    List<String> paths = new ArrayList<>();
    boolean afterRunner = false;
    for (String token : line.trim().split("[\\s;&|()]+")) {
      if (token.isEmpty()) {
        continue;
      }
      if (token.equals("pytest") || token.equals("py.test")) {
        afterRunner = true;
        continue;
      }
      if (!afterRunner || token.startsWith("-") || ENV_ASSIGNMENT.matcher(token).matches() || token.contains("$")
          || token.contains("`")) {
        continue;
      }
      String path = token.replaceAll("^['\"]|['\"]$", "");
      int nodeSep = path.indexOf("::");
      if (nodeSep >= 0) {
        path = path.substring(0, nodeSep);
      }
      path = path.replaceAll("/+$", "");
      if (!path.isEmpty() && !paths.contains(path)) {
        paths.add(path);
      }
    }
    return new SmokeCommand(line, isPytest, isPytest ? List.copyOf(paths) : List.of());
  }
}
