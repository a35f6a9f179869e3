package dev.forkstate.fact;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence for a reader, renderer-neutral: words and code (ids, paths, commands) kept apart, so Markdown can
 * fence the code and plain text can show it as it is. Judgements (check/) say what they found in phrases; only a
 * renderer decides how code looks.
 */
public record Phrase(List<Part> parts) {
  /** A run of words, or a piece of code shown exactly. */
  public sealed interface Part permits Words, Code {
    String text();
  }

  public record Words(String text) implements Part {}

  public record Code(String text) implements Part {}

  public Phrase {
    parts = List.copyOf(parts);
  }

  public static Phrase of(String words) {
    return new Phrase(List.of(new Words(words)));
  }

  /** Pieces of code joined by a separator: "`a`, `b`". */
  public static Phrase codes(List<String> codes, String separator) {
    List<Part> parts = new ArrayList<>();
    for (String c : codes) {
      if (!parts.isEmpty()) {
        parts.add(new Words(separator));
      }
      parts.add(new Code(c));
    }
    return new Phrase(parts);
  }

  public Phrase then(String words) {
    return then(of(words));
  }

  public Phrase thenCode(String code) {
    return then(new Phrase(List.of(new Code(code))));
  }

  public Phrase then(Phrase more) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(more.parts);
    return new Phrase(all);
  }

  /** True when there is nothing to show: no code, and no words but empty ones. */
  public boolean isEmpty() {
    return parts.stream().allMatch(p -> p instanceof Words && p.text().isEmpty());
  }

  /**
   * A fact in a sentence: the label (or, when neither label nor summary says what it is, its id), the summary, and
   * the reason when it adds something. One rule for every place a fact is described, judged or laid out.
   */
  public static Phrase describing(Phrase label, Fact f) {
    String summary = f.summary();
    Phrase p = !label.isEmpty() ? label.then(" ")
        : summary.isEmpty() ? new Phrase(List.of(new Code(f.id().value()), new Words(": "))) : of("");
    p = p.then(summary);
    if (!f.reason().isBlank() && !f.reason().equals(summary)) {
      p = p.then((summary.isEmpty() ? "" : " — ") + f.reason());
    }
    return p.strip();
  }

  public static Phrase describing(String label, Fact f) {
    return describing(of(label), f);
  }

  /** Without whitespace at either end (code is never trimmed) and with neighbouring words joined. */
  public Phrase strip() {
    List<Part> joined = new ArrayList<>();
    for (Part p : parts) {
      int last = joined.size() - 1;
      if (p instanceof Words w && last >= 0 && joined.get(last) instanceof Words prev) {
        joined.set(last, new Words(prev.text() + w.text()));
      } else {
        joined.add(p);
      }
    }
    if (!joined.isEmpty() && joined.get(0) instanceof Words w) {
      joined.set(0, new Words(w.text().stripLeading()));
    }
    int last = joined.size() - 1;
    if (last >= 0 && joined.get(last) instanceof Words w) {
      joined.set(last, new Words(w.text().stripTrailing()));
    }
    joined.removeIf(p -> p instanceof Words && p.text().isEmpty());
    return new Phrase(joined);
  }
}
