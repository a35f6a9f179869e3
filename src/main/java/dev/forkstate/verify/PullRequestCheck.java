package dev.forkstate.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.ci.GitHubApi;
import dev.forkstate.collect.ci.GitHubRepo;
import dev.forkstate.collect.ci.GitHubToken;
import dev.forkstate.collect.ci.PullRequestCollector;
import dev.forkstate.fact.Phrase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "PR #N": online, the pull request is looked up in the upstream repository, then in the fork's (a fork's report may
 * mean either). Found: TRUE with its state and head branch, FALSE when the report names it beside another branch
 * than its head. Not found or not readable is UNVERIFIABLE, never FALSE: a 404 is also what a private repository
 * answers without a token. Offline: UNVERIFIABLE with the command that shows it.
 */
final class PullRequestCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final CollectContext ctx;
  /** Found once, on the first online claim: it may run {@code gh auth token}. */
  private GitHubToken token;

  PullRequestCheck(CollectContext ctx) {
    this.ctx = ctx;
  }

  CheckedClaim check(Claim c) {
    String number = c.subject();
    String hand = "gh pr view " + number;
    if (ctx.offline()) {
      return new CheckedClaim(c, Verdict.UNVERIFIABLE, "offline: pull requests are not read; the command shows its "
          + "state, head branch and whether it merged", hand);
    }
    if (token == null) {
      token = GitHubToken.find(ctx.runner().baseEnv(), ctx.runner(), ctx.repo());
    }
    List<String> tried = new ArrayList<>();
    for (GitHubRepo repo : repos()) {
      GitHubApi api = new GitHubApi(repo.apiBase(), token, TIMEOUT);
      String cmd = "gh pr view " + number + " --repo " + repo.slug();
      try {
        JsonNode pr = api.get("/repos/" + repo.slug() + "/pulls/" + number);
        boolean merged = pr.hasNonNull("merged_at");
        String state = merged ? "merged" : pr.path("state").asText("unknown")
            + (pr.path("draft").asBoolean(false) ? " (draft)" : "");
        String head = pr.path("head").path("ref").asText("");
        Phrase found = Phrase.of("#" + number + " in " + repo.slug() + ": " + state + ", head ")
            .then(Phrase.Kind.BRANCH, head);
        String named = c.command() == null ? "" : c.command();
        if (!named.isEmpty() && !head.isEmpty() && !named.equals(head) && !named.endsWith("/" + head)) {
          return new CheckedClaim(c, Verdict.FALSE, found.then(", not ").then(Phrase.Kind.BRANCH, named), cmd);
        }
        return new CheckedClaim(c, Verdict.TRUE, found, cmd);
      } catch (GitHubApi.ApiError e) {
        tried.add(repo.slug() + ": " + e.getMessage());
      }
    }
    return new CheckedClaim(c, Verdict.UNVERIFIABLE, tried.isEmpty()
        ? "no GitHub remote to look it up in (upstream or fork)" : "not read: " + String.join("; ", tried), hand);
  }

  /** The upstream ref's remote, then the fork's (ci.remote, else origin), as GitHub repositories. */
  private List<GitHubRepo> repos() {
    List<String> remotes = new ArrayList<>();
    if (ctx.settings().upstreamRef().isSet()) {
      remotes.add(ctx.settings().upstreamRef().value().split("/")[0]);
    }
    remotes.add(ctx.settings().ciRemote().isSet() ? ctx.settings().ciRemote().value() : "origin");
    List<GitHubRepo> out = new ArrayList<>();
    for (String r : remotes.stream().distinct().toList()) {
      PullRequestCollector.repo(ctx, r)
          .map(g -> ctx.settings().ciApiUrl().isSet() ? g.withApiBase(ctx.settings().ciApiUrl().value()) : g)
          .filter(g -> out.stream().noneMatch(o -> o.slug().equals(g.slug()))).ifPresent(out::add);
    }
    return out;
  }
}
