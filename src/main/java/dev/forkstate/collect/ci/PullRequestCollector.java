package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.upstream.PrBranchCollector;
import dev.forkstate.config.Settings;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.fact.ShellQuote;
import dev.forkstate.fact.Evidence;
import dev.forkstate.fact.Fact;
import dev.forkstate.fact.FactIds;
import dev.forkstate.fact.FactId;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pull request opened upstream for each PR branch, from the GitHub REST API: GET
 * /repos/{upstream}/pulls?head={fork owner}:{branch}&state=all, then its reviews for the review decision. Open, draft,
 * merged or closed; approved, changes requested or not reviewed. Same rules as CI: offline is SKIPPED, any error or
 * a remote that is not on GitHub is UNKNOWN with the `gh pr list` command that answers by hand.
 */
public final class PullRequestCollector implements Collector {
  private final Function<String, GitHubToken> tokens;
  private final Duration timeout;

  public PullRequestCollector(Function<String, GitHubToken> tokens, Duration timeout) {
    this.tokens = tokens;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "pull-requests";
  }

  @Override
  public List<String> failureIds() {
    return List.of(FactIds.PR_PULLS.value());
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Settings s = ctx.settings();
    if (!s.upstreamRef().isSet()) {
      return List.of();
    }
    List<String> branches = PrBranchCollector.branches(ctx);
    if (branches.isEmpty()) {
      return List.of();
    }
    if (ctx.offline()) {
      return List.of(Fact.skippedAsked(FactIds.PR_PULLS, "offline: pull request states need the network"));
    }
    String upstreamRemote = s.upstreamRef().value().split("/")[0];
    String forkRemote = s.ciRemote().isSet() ? s.ciRemote().value() : "origin";
    Optional<GitHubRepo> upstream = repo(ctx, upstreamRemote);
    Optional<GitHubRepo> fork = repo(ctx, forkRemote);
    List<Fact> facts = new ArrayList<>();
    for (String b : branches) {
      String id = FactIds.prPull(b).value();
      Evidence hand = Evidence.ofCommand("gh pr list --repo " + upstream.map(GitHubRepo::slug).orElse("<upstream>")
          + " --head " + ShellQuote.quote(b) + " --state all");
      if (upstream.isEmpty() || fork.isEmpty()) {
        facts.add(Fact.unknown(id, Phrase.of("remote ").then(NAME, upstream.isEmpty() ? upstreamRemote : forkRemote)
            .then(" is not a GitHub repository URL"), hand));
        continue;
      }
      GitHubRepo up = s.ciApiUrl().isSet() ? upstream.get().withApiBase(s.ciApiUrl().value()) : upstream.get();
      GitHubApi api = new GitHubApi(up.apiBase(), tokens.apply(up.apiBase()), timeout);
      try {
        facts.add(pull(api, up, fork.get().owner(), b, id, hand));
      } catch (GitHubApi.ApiError e) {
        facts.add(Fact.unknown(id, e.getMessage() + (api.rateNote().isEmpty() ? "" : "; " + api.rateNote()), hand));
      }
    }
    return facts;
  }

  /** The GitHub repository a remote's URL names, if it names one. */
  public static Optional<GitHubRepo> repo(CollectContext ctx, String remote) {
    CommandResult url = ctx.git().run("remote", "get-url", remote);
    return url.ok() ? GitHubRepo.fromRemoteUrl(GitCli.firstLine(url)) : Optional.empty();
  }

  private static Fact pull(GitHubApi api, GitHubRepo up, String forkOwner, String branch, String id, Evidence hand)
      throws GitHubApi.ApiError {
    JsonNode pulls = api.get("/repos/" + up.slug() + "/pulls?state=all&per_page=10&head="
        + URLEncoder.encode(forkOwner + ":" + branch, StandardCharsets.UTF_8));
    if (!pulls.isArray()) {
      throw new GitHubApi.ApiError("unexpected response: the pulls endpoint did not return a list");
    }
    if (pulls.isEmpty()) {
      return new Fact(FactId.of(id), Status.WARN, Value.none(), Phrase.of(BRANCH, branch)
          .then(": no pull request upstream yet"), Phrase.empty(), List.of(hand));
    }
    JsonNode pr = pulls.get(0); // newest first
    int number = pr.path("number").asInt();
    boolean merged = !pr.path("merged_at").isNull() && !pr.path("merged_at").isMissingNode();
    String state = merged ? "merged" : pr.path("state").asText("unknown");
    boolean draft = pr.path("draft").asBoolean(false);
    String review = merged || state.equals("closed") ? "" : review(api, up, number);
    String url = pr.path("html_url").asText("");
    Phrase summary = Phrase.of(BRANCH, branch).then(": PR #" + number + " " + state + (draft ? " (draft)" : "")
        + (review.isEmpty() ? "" : ", " + review)).then(url.isEmpty() ? "" : " ").then(url);
    Status status = merged ? Status.PASS : state.equals("closed") ? Status.WARN
        : review.equals("changes requested") ? Status.WARN : Status.PASS;
    return new Fact(FactId.of(id), status, new Value.Text(state), summary, Phrase.empty(), List.of(hand));
  }

  /** The latest review of each reviewer decides: changes requested wins over approved. */
  private static String review(GitHubApi api, GitHubRepo up, int number) throws GitHubApi.ApiError {
    JsonNode reviews = api.get("/repos/" + up.slug() + "/pulls/" + number + "/reviews?per_page=100");
    Map<String, String> latest = new HashMap<>();
    reviews.forEach(r -> {
      String state = r.path("state").asText();
      if (!state.equals("COMMENTED") && !state.equals("PENDING")) {
        latest.put(r.path("user").path("login").asText(), state);
      }
    });
    if (latest.containsValue("CHANGES_REQUESTED")) {
      return "changes requested";
    }
    return latest.containsValue("APPROVED") ? "approved" : "not reviewed yet";
  }
}
