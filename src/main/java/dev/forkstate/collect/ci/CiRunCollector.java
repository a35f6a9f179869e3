package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.BRANCH;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.Collector;
import dev.forkstate.collect.GitCli;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Step 2 of the seed, over the network: did CI run on the last push to the fork branch, and is the job for the
 * required Python version green? Reads GitHub Actions through the REST API. PASS only for a completed, successful
 * run whose head_sha is the fork branch's head (local, or as last pushed); a run in progress is WARN; anything that
 * cannot be read is UNKNOWN with the reason and the `gh` command that shows the same by hand.
 */
public final class CiRunCollector implements Collector {
  static final String LAST_PUSH = FactIds.CI_RUN_LAST_PUSH.value();
  static final String JOB = FactIds.CI_RUN_PYTHON_JOB.value();
  private static final Set<String> RED = Set.of("failure", "cancelled", "timed_out", "startup_failure",
      "action_required");

  private final Function<String, GitHubToken> tokens;
  private final Duration timeout;

  /** @param tokens finds the token for an API base (tests pass a fixed one) */
  public CiRunCollector(Function<String, GitHubToken> tokens, Duration timeout) {
    this.tokens = tokens;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "ci-run";
  }

  @Override
  public List<String> failureIds() {
    return List.of(LAST_PUSH, JOB);
  }

  @Override
  public List<Fact> collect(CollectContext ctx) {
    Settings s = ctx.settings();
    if (!s.ciWorkflow().isSet()) {
      // The same words as the workflow facts' skip: one cause, so the summary can say it once for all of them.
      return both(id -> Fact.skipped(id, "no CI workflow configured or detected: " + s.ciWorkflow().source()));
    }
    if (ctx.offline()) {
      return both(id -> Fact.skippedAsked(id, "offline: GitHub Actions runs need the network"));
    }
    String workflow = s.ciWorkflow().value();
    String file = workflow.substring(workflow.lastIndexOf('/') + 1);
    String branch = s.forkBranch().value();
    if (branch == null) {
      return both(id -> Fact.unknown(id, "no fork branch to look up runs for: " + s.forkBranch().source()));
    }
    String byHand = "gh run list --workflow " + ShellQuote.quote(file) + " --branch " + ShellQuote.quote(branch)
        + " --event push";
    Evidence hand = Evidence.ofCommand(byHand);
    GitCli git = ctx.git();
    String remote = s.ciRemote().isSet() ? s.ciRemote().value() : trackingRemote(git, branch);
    CommandResult url = git.run("remote", "get-url", remote);
    if (!url.ok()) {
      return both(id -> Fact.unknown(id, Phrase.of("remote ").then(NAME, remote).then(" does not exist: "
          + url.firstErrorLine()), url.evidence(), hand));
    }
    Optional<GitHubRepo> parsed = GitHubRepo.fromRemoteUrl(GitCli.firstLine(url));
    if (parsed.isEmpty()) {
      return both(id -> Fact.unknown(id, Phrase.of("remote ").then(NAME, remote)
          .then(" is not a GitHub repository URL"), url.evidence(), hand));
    }
    GitHubRepo repo = s.ciApiUrl().isSet() ? parsed.get().withApiBase(s.ciApiUrl().value()) : parsed.get();
    GitHubApi api = new GitHubApi(repo.apiBase(), tokens.apply(repo.apiBase()), timeout);
    try {
      return measure(ctx, api, repo, file, branch, remote, byHand);
    } catch (GitHubApi.ApiError e) {
      String why = e.getMessage() + (api.rateNote().isEmpty() ? "" : "; " + api.rateNote());
      return both(id -> Fact.unknown(id, why, hand));
    }
  }

  private List<Fact> measure(CollectContext ctx, GitHubApi api, GitHubRepo repo, String file, String branch,
      String remote, String byHand) throws GitHubApi.ApiError {
    String runsPath = "/repos/" + repo.slug() + "/actions/workflows/" + enc(file) + "/runs?branch=" + enc(branch)
        + "&event=push&per_page=20";
    JsonNode runs = api.get(runsPath).path("workflow_runs");
    Evidence hand = Evidence.ofCommand(byHand);
    if (!runs.isArray() || runs.isEmpty()) {
      return both(id -> Fact.unknown(id, Phrase.of("no push run of " + file + " on ").then(BRANCH, branch)
          .then(" yet"), hand));
    }
    JsonNode run = runs.get(0); // the API lists runs newest first
    String runSha = run.path("head_sha").asText();
    Phrase label = linked("run #" + run.path("run_number").asText(), run.path("html_url").asText());
    String local = GitCli.firstLine(ctx.git().run("rev-parse", "--verify", "--quiet", branch + "^{commit}"));
    CommandResult pushedRes = ctx.git().run("rev-parse", "--verify", "--quiet", remote + "/" + branch + "^{commit}");
    String pushed = GitCli.firstLine(pushedRes);
    String rate = api.rateNote().isEmpty() ? "" : "; " + api.rateNote();
    Phrase which;
    if (runSha.equals(local)) {
      which = Phrase.of("the head of local ").then(BRANCH, branch);
    } else if (!pushed.isEmpty() && runSha.equals(pushed)) {
      String ahead = GitCli.firstLine(ctx.git().run("rev-list", "--count", remote + "/" + branch + ".." + branch));
      which = Phrase.of("the head of ").then(BRANCH, remote + "/" + branch).then(" (as last pushed; local ")
          .then(BRANCH, branch).then(" is " + ahead + " commits ahead and CI has not seen them)");
    } else {
      Phrase why = Phrase.of("stale: the newest run, ").then(label).then(", is for " + shortSha(runSha)
          + ", not the last push (" + shortSha(pushed.isEmpty() ? local : pushed) + ")" + rate);
      return both(id -> Fact.unknown(id, why, hand));
    }
    String status = run.path("status").asText();
    String conclusion = run.path("conclusion").asText("");
    Evidence runEv = new Evidence(byHand + " --limit 1", null, Duration.ZERO, label.plain() + " " + status + " "
        + conclusion, false);
    List<Fact> out = new ArrayList<>();
    out.add(verdict(LAST_PUSH, status, conclusion, label.then(" for ").then(which).then(rate), runEv));

    String jobsPath = "/repos/" + repo.slug() + "/actions/runs/" + run.path("id").asText() + "/jobs?per_page=100";
    List<JsonNode> jobs = api.getAll(jobsPath, "jobs");
    String matcher = ctx.settings().ciJob().value();
    List<JsonNode> matched = jobs.stream().filter(j -> matches(j, matcher)).toList();
    Evidence jobsEv = Evidence.ofCommand("gh run view " + run.path("id").asText() + " --json jobs");
    if (matched.isEmpty()) {
      out.add(Fact.unknown(JOB, Phrase.of("no job of ").then(label).then(" matches ").then(CODE, matcher)
          .then(" (jobs: " + String.join(", ", jobs.stream().map(j -> j.path("name").asText()).sorted().toList())
          + ")"), jobsEv));
      return out;
    }
    List<Fact> perJob = new ArrayList<>();
    for (JsonNode j : matched) {
      Phrase job = Phrase.of("job ").then(NAME, j.path("name").asText()).then(url(j.path("html_url").asText()));
      perJob.add(verdict(JOB, j.path("status").asText(), j.path("conclusion").asText(""), job.then(" of ")
          .then(label), jobsEv));
    }
    out.add(perJob.stream().reduce((a, b) -> a.status().severity() >= b.status().severity() ? a : b).orElseThrow());
    return out;
  }

  /** A job matches when its name contains the matcher ("3.12" in "smokes (3.12)"), case-insensitively. */
  static boolean matches(JsonNode job, String matcher) {
    return job.path("name").asText().toLowerCase(Locale.ROOT).contains(matcher.toLowerCase(Locale.ROOT));
  }

  /**
   * What GitHub links to: its words, then the address in parentheses, as its own part. The report has no links, so
   * the address is shown as it is (Markdown viewers make a bare address a link).
   */
  static Phrase linked(String words, String address) {
    return Phrase.of(words).then(url(address));
  }

  private static Phrase url(String address) {
    return address.isEmpty() ? Phrase.empty() : Phrase.of(" (").then(Phrase.of(address)).then(")");
  }

  private static Fact verdict(String id, String status, String conclusion, Phrase what, Evidence ev) {
    if (!status.equals("completed")) {
      return new Fact(FactId.of(id), Status.WARN, new Value.Text(status), what.then(" is "
          + status.replace('_', ' ')), Phrase.of("not finished: cannot say green yet"), List.of(ev));
    }
    if (conclusion.equals("success")) {
      return Fact.of(id, Status.PASS, new Value.Text(conclusion), what.then(" succeeded"), ev);
    }
    Status st = RED.contains(conclusion) ? Status.FAIL : Status.WARN;
    return new Fact(FactId.of(id), st, new Value.Text(conclusion), what.then(" ended " + conclusion),
        Phrase.of(st == Status.FAIL ? "CI is red" : "neither green nor red: " + conclusion), List.of(ev));
  }

  private static String trackingRemote(GitCli git, String branch) {
    CommandResult r = git.run("config", "--get", "branch." + branch + ".remote");
    String name = GitCli.firstLine(r);
    return r.ok() && !name.isEmpty() && !name.equals(".") ? name : "origin";
  }

  private static List<Fact> both(Function<String, Fact> make) {
    return List.of(make.apply(LAST_PUSH), make.apply(JOB));
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha.isEmpty() ? "(unknown)" : sha;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
