package dev.forkstate.assess.llm;

import dev.forkstate.assess.Assessment;
import dev.forkstate.assess.AssessmentValidator;
import dev.forkstate.assess.EvidencePack;
import dev.forkstate.assess.RuleAssessor;
import dev.forkstate.check.Finding;
import dev.forkstate.config.Settings;
import dev.forkstate.error.UserError;
import dev.forkstate.fact.FactSet;
import dev.forkstate.secret.Redactor;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the blunt assessment with a model when one is configured, and never lets an unchecked sentence through:
 * cache first (same facts, same answer, no call); else the call, with bounded retries; the answer is validated
 * against the facts; if too little survives, one corrective call that lists what was rejected; if that fails too, or
 * the call fails, or no model is configured, the rule-based answer is written and the report says why.
 */
public final class LlmAssessor {
  /** Fewer surviving points than this, or more dropped than kept, is "too little remains". */
  static final int MIN_POINTS = 2;

  /**
   * Opens the endpoint for a configured model (the environment locates the cache the SDK is loaded from); tests point
   * it at WireMock. A failure to open is a {@link ChatFailure}: the rules write the assessment and say why.
   */
  public interface Endpoints {
    ChatEndpoint open(Settings.Llm llm, String apiKey, Map<String, String> env) throws ChatFailure;
  }

  /** The assessment, plus what the run should tell the user on stderr (cache hits, cache write problems). */
  public record Outcome(Assessment assessment, List<String> notes) {
    public Outcome {
      notes = List.copyOf(notes);
    }
  }

  private final Endpoints endpoints;
  private final RetryingEndpoint.Sleeper sleeper;

  public LlmAssessor(Endpoints endpoints, RetryingEndpoint.Sleeper sleeper) {
    this.endpoints = endpoints;
    this.sleeper = sleeper;
  }

  /** The SDK-backed endpoint and real waiting. */
  public static LlmAssessor standard() {
    return new LlmAssessor((llm, key, env) -> ModelSdk.endpoint(llm.baseUrl(), llm.model(), key, llm.timeout(), env),
        d -> Thread.sleep(d.toMillis()));
  }

  /**
   * What the run knows beyond the facts: the model settings, the environment (for the key), the mode, and the run's
   * redactor. The facts come redacted; the redactor masks what the model sends back (an answer may echo a secret from
   * its own context or the prompt) before the answer is validated, cached or shown, and the prompt before it is sent.
   */
  public record Request(String prompt, FactSet facts, List<Finding> findings, Settings.Llm llm,
      Map<String, String> env, Path repo, boolean offline, boolean disabled, Redactor redactor) {
    public Request {
      redactor = redactor == null ? Redactor.none() : redactor;
    }

    /** A request with no secrets to mask beyond the shapes every redactor knows. */
    public Request(String prompt, FactSet facts, List<Finding> findings, Settings.Llm llm, Map<String, String> env,
        Path repo, boolean offline, boolean disabled) {
      this(prompt, facts, findings, llm, env, repo, offline, disabled, Redactor.none());
    }
  }

  public Outcome assess(Request req) {
    Settings.Llm llm = req.llm();
    if (llm == null) {
      return rules(req, "");
    }
    if (req.disabled()) {
      return rules(req, "--no-llm was given");
    }
    String key = null;
    if (llm.apiKeyEnv() != null) {
      key = req.env().get(llm.apiKeyEnv());
      if (key == null || key.isBlank()) {
        return rules(req, "llm.api_key_env names " + llm.apiKeyEnv() + ", which is not set");
      }
    }
    boolean drafts = llm.draftSections();
    List<ChatMessage> messages = List.of(ChatMessage.system(Instructions.system(drafts)),
        ChatMessage.user(req.redactor().redact(Instructions.user(req.prompt(),
            EvidencePack.of(req.facts(), req.findings())))));
    String cacheKey = AnswerCache.key(llm.baseUrl(), llm.model(), messages);
    String shortKey = cacheKey.substring(0, 12);
    AnswerCache cache = new AnswerCache(req.repo().resolve(llm.cacheDir()));
    List<String> notes = new ArrayList<>();

    Optional<AnswerCache.Entry> cached = cache.get(cacheKey);
    if (cached.isPresent()) {
      // Redacted again: an entry written by an older version may hold a secret the redactor did not know then.
      Checked checked = check(req.redactor().redact(cached.get().answer()), req.facts(), drafts);
      if (checked.enough()) {
        notes.add("assessment: reused the cached answer " + shortKey + " (no model call)");
        return new Outcome(model(req, llm, cacheKey, checked, cached.get().corrected()), notes);
      }
    }
    if (req.offline()) {
      return rules(req, "--offline and no cached answer for these facts (cache key " + shortKey + ")");
    }
    try (Closing endpoint = new Closing(endpoints.open(llm, key, req.env()))) {
      RetryingEndpoint calls = new RetryingEndpoint(endpoint.inner, llm.maxRetries(), sleeper);
      String answer = req.redactor().redact(calls.complete(messages));
      Checked checked = check(answer, req.facts(), drafts);
      boolean corrected = false;
      if (!checked.enough()) {
        List<ChatMessage> retry = new ArrayList<>(messages);
        retry.add(ChatMessage.assistant(answer));
        retry.add(ChatMessage.user(Instructions.correction(checked.reasons())));
        String second = req.redactor().redact(calls.complete(retry));
        Checked again = check(second, req.facts(), drafts);
        if (!again.enough()) {
          return rules(req, "the model's answer failed the checks twice (" + again.summary() + ")");
        }
        answer = second;
        checked = again;
        corrected = true;
      }
      try {
        cache.put(cacheKey, llm.model(), new AnswerCache.Entry(answer, corrected));
      } catch (UncheckedIOException | UserError e) {
        notes.add("assessment: could not cache the answer in " + llm.cacheDir() + ": " + e.getMessage());
      }
      return new Outcome(model(req, llm, cacheKey, checked, corrected), notes);
    } catch (ChatFailure f) {
      return rules(req, req.redactor().redact("the model call failed: " + f.getMessage()));
    }
  }

  private static Outcome rules(Request req, String why) {
    return new Outcome(new RuleAssessor().assess(req.prompt(), req.facts(), req.findings(), ModelText.safe(why)),
        List.of());
  }

  private static Assessment model(Request req, Settings.Llm llm, String cacheKey, Checked c, boolean corrected) {
    String writer = llm.model() + " via " + llm.baseUrl() + (corrected ? ", after one corrective retry" : "");
    return new Assessment(req.prompt(), writer, c.points().kept(), cacheKey, c.dropped(), "", c.drafts());
  }

  private static Checked check(String answer, FactSet facts, boolean drafts) {
    AssessmentValidator.Result points = AssessmentValidator.validate(answer, facts);
    Map<String, List<Assessment.Point>> kept = new LinkedHashMap<>();
    List<AssessmentValidator.Dropped> dropped = new ArrayList<>(safeDrops(points.dropped(), ""));
    if (drafts) {
      for (String section : Instructions.DRAFTABLE) {
        AssessmentValidator.Result r = AssessmentValidator.validate(answer, facts, section, false);
        if (!r.kept().isEmpty()) {
          kept.put(section, r.kept());
        }
        dropped.addAll(safeDrops(r.dropped(), section + ": "));
      }
    }
    return new Checked(safe(points), dropped, safe(kept));
  }

  private static List<AssessmentValidator.Dropped> safeDrops(List<AssessmentValidator.Dropped> drops, String prefix) {
    return drops.stream().map(d -> new AssessmentValidator.Dropped(ModelText.safe(d.text()),
        prefix + ModelText.safe(d.why()))).toList();
  }

  private static AssessmentValidator.Result safe(AssessmentValidator.Result r) {
    return new AssessmentValidator.Result(safe(r.kept()), r.dropped(), r.readable());
  }

  private static List<Assessment.Point> safe(List<Assessment.Point> points) {
    return points.stream().map(p -> new Assessment.Point(ModelText.phrase(p.text().plain()), p.cites())).toList();
  }

  private static Map<String, List<Assessment.Point>> safe(Map<String, List<Assessment.Point>> drafts) {
    Map<String, List<Assessment.Point>> out = new LinkedHashMap<>();
    drafts.forEach((k, v) -> out.put(k, safe(v)));
    return out;
  }

  /** A validated answer: the kept points, every drop (drafts included) and the drafts that survived. */
  private record Checked(AssessmentValidator.Result points, List<AssessmentValidator.Dropped> dropped,
      Map<String, List<Assessment.Point>> drafts) {
    boolean enough() {
      int kept = points.kept().size();
      return kept >= MIN_POINTS && kept >= points.dropped().size();
    }

    List<String> reasons() {
      return points.dropped().stream().map(d -> "\"" + d.text() + "\": " + d.why()).toList();
    }

    String summary() {
      if (!points.readable()) {
        return points.dropped().get(0).why();
      }
      int total = points.kept().size() + points.dropped().size();
      return points.dropped().size() + " of " + total + " points dropped"
          + points.dropped().stream().map(AssessmentValidator.Dropped::why).findFirst().map(w -> ", e.g. " + w)
              .orElse("");
    }
  }

  /** Closes the SDK client (its connection pool) when the endpoint has one. */
  private record Closing(ChatEndpoint inner) implements AutoCloseable {
    @Override
    public void close() {
      if (inner instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception ignored) {
          // nothing to keep from a client that fails to close
        }
      }
    }
  }
}
