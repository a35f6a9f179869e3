package dev.forkstate.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sections the operators asked for, in their order, with the stable ids the marks in a report use. */
public final class SectionTitles {
  public static final List<String> TITLES = List.of("Executive Summary", "Capabilities", "Validation Status",
      "Comparison vs Upstream (Blunt Assessment)", "Advantages", "Gaps", "HAPPYPATH Alignment",
      "Iterative Next Steps (Now/Next/Later)", "Metrics & SLIs", "Risks & Mitigations", "References");
  public static final List<String> IDS = List.of("executive-summary", "capabilities", "validation-status",
      "comparison-vs-upstream", "advantages", "gaps", "happypath-alignment", "next-steps", "metrics", "risks",
      "references");

  private SectionTitles() {}

  public static String title(String id) {
    return TITLES.get(IDS.indexOf(id));
  }

  /** Lower-case letters and digits only: "## Metrics & SLIs" and "Metrics & SLIs" compare equal. */
  public static String normalise(String title) {
    return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }

  /** Normalised title to id, for reading reports that have no marks. */
  public static Map<String, String> idsByNormalisedTitle() {
    Map<String, String> ids = new HashMap<>();
    for (int i = 0; i < TITLES.size(); i++) {
      ids.put(normalise(TITLES.get(i)), IDS.get(i));
    }
    return ids;
  }
}
