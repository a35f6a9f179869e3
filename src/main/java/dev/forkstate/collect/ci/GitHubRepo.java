package dev.forkstate.collect.ci;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub repository named by a git remote URL, and the REST API base that serves it: api.github.com for
 * github.com, https://HOST/api/v3 for a GitHub Enterprise Server host.
 */
public record GitHubRepo(String host, String owner, String name, String apiBase) {
  // https://github.com/o/r(.git), https://user:token@host/o/r, ssh://git@host(:port)/o/r, git@host:o/r
  private static final Pattern HTTPS = Pattern.compile("(?i)(?:https?|ssh|git)://(?:[^@/]+@)?([^/:]+)(?::\\d+)?/"
      + "([^/]+)/([^/]+?)(?:\\.git)?/?");
  private static final Pattern SCP = Pattern.compile("(?:[^@/]+@)?([^/:]+):([^/]+)/([^/]+?)(?:\\.git)?/?");

  public static Optional<GitHubRepo> fromRemoteUrl(String url) {
    String u = url.strip();
    Matcher m = HTTPS.matcher(u);
    if (!m.matches()) {
      m = SCP.matcher(u);
      if (!m.matches() || u.contains("://")) {
        return Optional.empty();
      }
    }
    String host = m.group(1).toLowerCase(Locale.ROOT);
    String api = host.equals("github.com") ? "https://api.github.com" : "https://" + host + "/api/v3";
    return Optional.of(new GitHubRepo(host, m.group(2), m.group(3), api));
  }

  public GitHubRepo withApiBase(String base) {
    return new GitHubRepo(host, owner, name, base.replaceAll("/+$", ""));
  }

  public String slug() {
    return owner + "/" + name;
  }
}
