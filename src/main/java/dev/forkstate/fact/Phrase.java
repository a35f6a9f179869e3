package dev.forkstate.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sentence for a reader, renderer-neutral: words and typed items (paths, branches, commands, test ids) kept apart,
 * so Markdown can fence the items, JSON can hand them over with their kind, and plain text can show them as they
 * are. Facts, judgements and report lines say what they found in phrases; only a renderer decides how an item looks.
 * Text is never parsed back into a phrase: whoever knows that a piece is a path says so when building it.
 */
public record Phrase(List<Part> parts) {
  /** A run of words, or an item shown exactly. */
  public sealed interface Part permits Words, Code {
    String text();
  }

  public record Words(String text) implements Part {
    // equals and hashCode written out, as Phrase's are (see there).
    @Override
    public boolean equals(Object o) {
      return o instanceof Words w && Objects.equals(text, w.text);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(text);
    }
  }

  /** An item shown exactly as it is, and what it is. */
  public record Code(Kind kind, String text) implements Part {
    public Code {
      kind = kind == null ? Kind.CODE : kind;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Code c && kind == c.kind && Objects.equals(text, c.text);
    }

    @Override
    public int hashCode() {
      return 31 * kind.hashCode() + Objects.hashCode(text);
    }
  }

  /** What an item is: lets a reader of the JSON tell a path from a branch without guessing from its text. */
  public enum Kind {
    /** A file or folder in the repository. */
    PATH,
    /** A branch name, local or remote-tracking (fork/stable, origin/fork/stable). */
    BRANCH,
    /** Any other git ref or revision: a tag, upstream/main as a ref to compare with. */
    REF,
    /** A shell command as a user would paste it. */
    COMMAND,
    /** A test's node id (tests/x.py::test_y). */
    TEST_ID,
    /** A name in the code or the environment: an env var, a flag, a CLI option, a parameter, a package, a module. */
    NAME,
    /** A commit sha, full or short. */
    SHA,
    COUNT,
    DURATION,
    DATE,
    /** Anything else shown exactly: a fact id, a dotted metric path, a placeholder. */
    CODE,
    /** An image file beside the report, by its relative path (the trend chart): a picture where it can be shown. */
    IMAGE
  }

  private static final Phrase EMPTY = new Phrase(List.of());

  public Phrase {
    parts = List.copyOf(parts);
  }

  /**
   * Written out, with the values the record's own would give (31 * h + each component's hash, in order): a record's
   * generated equals and hashCode are bound through an invokedynamic bootstrap on first use and then run through a
   * method-handle chain, which the cold JVM interprets; phrases are compared and hashed on every path of a run (facts
   * grouped by what they say), and that cost about 14 ms of CPU per run. The same holds for {@link FactId}.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Phrase p && parts.equals(p.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  /** No words, no items. */
  public static Phrase empty() {
    return EMPTY;
  }

  /** Plain words: a sentence with no item in it. */
  public static Phrase of(String words) {
    return words == null || words.isEmpty() ? EMPTY : new Phrase(List.of(new Words(words)));
  }

  /** One item. */
  public static Phrase of(Kind kind, String item) {
    return new Phrase(List.of(new Code(kind, item)));
  }

  /** Items of one kind joined by a separator: "`a`, `b`". */
  public static Phrase items(Kind kind, List<String> items, String separator) {
    List<Part> parts = new ArrayList<>();
    for (String c : items) {
      if (!parts.isEmpty()) {
        parts.add(new Words(separator));
      }
      parts.add(new Code(kind, c));
    }
    return new Phrase(parts);
  }

  /** Phrases joined by a separator. */
  public static Phrase join(List<Phrase> phrases, String separator) {
    Phrase out = EMPTY;
    for (int i = 0; i < phrases.size(); i++) {
      out = (i == 0 ? out : out.then(separator)).then(phrases.get(i));
    }
    return out;
  }

  public Phrase then(String words) {
    return words == null || words.isEmpty() ? this : then(of(words));
  }

  public Phrase then(Kind kind, String item) {
    return then(of(kind, item));
  }

  public Phrase then(Phrase more) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(more.parts);
    return new Phrase(all);
  }

  /** The text with every item shown as it is: for JSON, logs, the terminal and comparisons, never for Markdown. */
  public String plain() {
    StringBuilder s = new StringBuilder();
    parts.forEach(p -> s.append(p.text()));
    return s.toString();
  }

  /** True when there is nothing to show: no item, and no words but empty ones. */
  public boolean isEmpty() {
    return parts.stream().allMatch(p -> p instanceof Words && p.text().isEmpty());
  }

  /** True when there is nothing but whitespace to show. */
  public boolean isBlank() {
    return plain().isBlank();
  }

  /** The first item of this kind, if the phrase names one. */
  public java.util.Optional<String> first(Kind kind) {
    return parts.stream().filter(p -> p instanceof Code c && c.kind() == kind).map(Part::text).findFirst();
  }

  /**
   * What the phrase says after the item it opens with: "`tests/smoke` does not exist" read as "does not exist",
   * to say of another subject. The phrase itself when it does not open with an item.
   */
  public Phrase afterSubject() {
    if (parts.isEmpty() || !(parts.get(0) instanceof Code)) {
      return this;
    }
    return new Phrase(parts.subList(1, parts.size())).strip();
  }

  /**
   * A fact in a sentence: the label (or, when neither label nor summary says what it is, its id), the summary, and
   * the reason when it adds something. One rule for every place a fact is described, judged or laid out.
   */
  public static Phrase describing(Phrase label, Fact f) {
    Phrase summary = f.summaryPhrase();
    Phrase p = !label.isEmpty() ? label.then(" ")
        : summary.isEmpty() ? of(Kind.CODE, f.id().value()).then(": ") : EMPTY;
    p = p.then(summary);
    Phrase reason = f.reasonPhrase();
    if (!reason.isBlank() && !reason.plain().equals(summary.plain())) {
      p = p.then(summary.isEmpty() ? "" : " — ").then(reason);
    }
    return p.strip();
  }

  public static Phrase describing(String label, Fact f) {
    return describing(of(label), f);
  }

  /** Without whitespace at either end (items are never trimmed) and with neighbouring words joined. */
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
