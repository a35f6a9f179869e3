package dev.forkstate.check;

import static dev.forkstate.check.PolicyFacts.candidate;
import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;
import static dev.forkstate.fact.Phrase.Kind.PATH;
import static dev.forkstate.check.PolicyFacts.candidates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.fact.Fact;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.Status;
import dev.forkstate.fact.Value;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The happy-path rules as tables: measured candidates and allowances in, judged status, summary and items out. */
class HappyPathPoliciesTest {
  private static final Value.Candidate ACME_MODE = candidate(Phrase.of("env var ").then(NAME, "ACME_MODE")
      .then(" read in ").then(PATH, "acme/api.py"), "ACME_MODE");
  private static final Value.Candidate VERBOSE = candidate(Phrase.of("CLI option ").then(NAME, "--verbose")
      .then(" in ").then(PATH, "acme/cli.py"), "--verbose");
  private static final Value.Candidate TIMEOUT = candidate(Phrase.of("parameter ").then(NAME, "Client.call(timeout)")
      .then(" added in ").then(PATH, "acme/api.py"), "timeout", "Client.call(timeout)", "acme.api:Client.call(timeout)");
  private static final Value.Candidate DEFAULT = candidate(Phrase.of("default of ")
      .then(NAME, "acme.api:Client.call(retries)").then(" changed: ").then(CODE, "3").then(" → ").then(CODE, "5"),
      "acme.api:Client.call(retries)", "Client.call(retries)");
  private static final Value.Candidate NUMPY = candidate(unguarded("numpy"), "numpy");
  private static final Value.Candidate JSON = candidate(unguarded("json"), "json");
  private static final List<String> UNREAD = List.of("acme/broken.py (SyntaxError: invalid syntax (line 1))");

  private static Phrase unguarded(String pkg) {
    return Phrase.of("package ").then(NAME, pkg).then(" imported unguarded at module level in ")
        .then(PATH, "acme/fast.py").then(": importing ").then(NAME, "acme.fast").then(" fails without it");
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // flags: nothing new is clean; a new one is a FAIL unless the config or the guide allows it
        row(new FlagPolicy(List.of()), flags(List.of(), List.of(), List.of()), Status.PASS,
            "no new flags (env vars, public parameters, CLI options)", List.of()),
        row(new FlagPolicy(List.of()), flags(List.of(ACME_MODE, VERBOSE), List.of(), List.of()), Status.FAIL,
            "2 new flags", List.of(VERBOSE.text(), ACME_MODE.text())),
        row(new FlagPolicy(List.of("ACME_MODE")), flags(List.of(ACME_MODE), List.of(), List.of()), Status.PASS,
            "only allowed ones; allowed by happypath.allowed_flags or the guide: " + ACME_MODE.text().plain(), List.of()),
        row(new FlagPolicy(List.of()), flags(List.of(ACME_MODE, VERBOSE), List.of("ACME_MODE"), List.of()),
            Status.FAIL, "1 new flag; allowed by happypath.allowed_flags or the guide: " + ACME_MODE.text().plain(),
            List.of(VERBOSE.text())),
        row(new FlagPolicy(List.of("Client.call(timeout)")), flags(List.of(TIMEOUT), List.of(), List.of()),
            Status.PASS, "only allowed ones; allowed by happypath.allowed_flags or the guide: " + TIMEOUT.text().plain(),
            List.of()),
        // an unread file: nothing found is not nothing there; something found is still a FAIL
        row(new FlagPolicy(List.of()), flags(List.of(), List.of(), UNREAD), Status.UNKNOWN,
            "no violation in the files that parse", List.of()),
        row(new FlagPolicy(List.of()), flags(List.of(VERBOSE), List.of(), UNREAD), Status.FAIL, "1 new flag",
            List.of(VERBOSE.text())),
        // defaults: only happypath.allowed_defaults allows, by either spelling
        row(new DefaultsPolicy(List.of()), defaults(List.of()), Status.PASS,
            "public defaults and parameters unchanged", List.of()),
        row(new DefaultsPolicy(List.of()), defaults(List.of(DEFAULT)), Status.FAIL,
            "1 changed public default or parameter", List.of(DEFAULT.text())),
        row(new DefaultsPolicy(List.of("Client.call(retries)")), defaults(List.of(DEFAULT)), Status.PASS,
            "only allowed ones; allowed by happypath.allowed_defaults: " + DEFAULT.text().plain(), List.of()),
        row(new DefaultsPolicy(List.of("acme.api:Client.call(retries)")), defaults(List.of(DEFAULT)), Status.PASS,
            "only allowed ones; allowed by happypath.allowed_defaults: " + DEFAULT.text().plain(), List.of()),
        // imports: only a package known to be optional (configured, or guarded elsewhere) breaks the rule
        row(new OptionalImportPolicy(List.of()), imports(List.of(NUMPY, JSON), List.of()), Status.PASS,
            "optional packages are imported guarded (try/except ImportError)", List.of()),
        row(new OptionalImportPolicy(List.of("numpy")), imports(List.of(NUMPY, JSON), List.of()), Status.FAIL,
            "1 unguarded optional import", List.of(Phrase.of("optional ").then(NUMPY.text()))),
        row(new OptionalImportPolicy(List.of()), imports(List.of(NUMPY, JSON), List.of("numpy")), Status.FAIL,
            "1 unguarded optional import", List.of(Phrase.of("optional ").then(NUMPY.text()))));
  }

  private static Arguments row(Policy p, Fact in, Status status, String summary, List<Phrase> items) {
    return Arguments.of(p, in, status, summary, items);
  }

  private static Fact flags(List<Value.Candidate> found, List<String> guide, List<String> unread) {
    return candidates(FlagPolicy.FACT, found, guide, unread);
  }

  private static Fact defaults(List<Value.Candidate> found) {
    return candidates(DefaultsPolicy.FACT, found, List.of(), List.of());
  }

  private static Fact imports(List<Value.Candidate> found, List<String> guardedElsewhere) {
    return candidates(OptionalImportPolicy.FACT, found, guardedElsewhere, List.of());
  }

  @ParameterizedTest
  @MethodSource("table")
  void judgesTheMeasuredCandidates(Policy policy, Fact in, Status status, String summary, List<Phrase> items) {
    assertThat(policy.covers(in.id())).isTrue();
    Fact out = policy.judge(in);
    assertThat(out.id()).isEqualTo(in.id());
    assertThat(out.status()).isEqualTo(status);
    assertThat(out.summary()).isEqualTo(summary);
    assertThat(((Value.Items) out.value()).items()).containsExactlyInAnyOrderElementsOf(items);
    assertThat(out.evidence()).isEqualTo(in.evidence());
  }

  @Test
  void anUnknownNamesTheUnreadFilesAndALongAllowanceIsCut() {
    Fact unknown = new FlagPolicy(List.of()).judge(flags(List.of(), List.of(), UNREAD));
    assertThat(unknown.reason()).isEqualTo("1 changed Python file did not parse, so it was not checked: "
        + UNREAD.get(0));
    List<Value.Candidate> many = Stream.of("A_ONE", "B_TWO", "C_THREE", "D_FOUR", "E_FIVE")
        .map(n -> candidate(Phrase.of("env var ").then(NAME, n).then(" read in ").then(PATH, "x.py"), n)).toList();
    Fact allowed = new FlagPolicy(List.of()).judge(flags(many, many.stream().map(c -> c.keys().get(0)).toList(),
        List.of()));
    assertThat(allowed.status()).isEqualTo(Status.PASS);
    assertThat(allowed.summary()).endsWith("env var C_THREE read in x.py and 2 more");
    assertThat(allowed.summaryPhrase().parts()).contains(new Phrase.Code(NAME, "C_THREE"));
  }
}
