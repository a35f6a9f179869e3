package dev.forkstate.config;

import java.util.Locale;

/**
 * The blunt-assessment prompt for a fork of a given upstream project. The seed prompt was written for a LiteLLM fork
 * and is kept verbatim, typos included; any other project gets the same wording with its own name at the end.
 */
public final class AssessmentPrompt {
  private static final String SEED_PROJECT = "litellm";

  private AssessmentPrompt() {}

  /** @param upstream the upstream project's name, or null when it is not known (the seed prompt is used) */
  public static String forUpstream(String upstream) {
    if (upstream == null || upstream.isBlank() || upstream.strip().toLowerCase(Locale.ROOT).equals(SEED_PROJECT)) {
      return ForkstateConfig.SEED_PROMPT;
    }
    String seed = ForkstateConfig.SEED_PROMPT;
    return seed.substring(0, seed.length() - SEED_PROJECT.length()) + upstream.strip();
  }
}
