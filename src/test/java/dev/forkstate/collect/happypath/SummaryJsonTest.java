package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.forkstate.fact.Phrase;
import dev.forkstate.fact.PhraseJson;
import dev.forkstate.fact.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written codec writes what Jackson's databind wrote for the summary records, byte for byte, and reads
 * databind's output back equal: cache files written before it stay valid.
 */
class SummaryJsonTest {
  /** The mapper SummaryCache used before SummaryJson: records by databind, phrases as PhraseJson parts. */
  private static final ObjectMapper DATABIND = new ObjectMapper().registerModule(new SimpleModule()
      .addSerializer(Phrase.class, new StdSerializer<>(Phrase.class) {
        @Override
        public void serialize(Phrase p, JsonGenerator gen, SerializerProvider sp) throws IOException {
          gen.writeTree(PhraseJson.parts(p));
        }
      })
      .addDeserializer(Phrase.class, new StdDeserializer<>(Phrase.class) {
        @Override
        public Phrase deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
          return PhraseJson.read(p.readValueAsTree());
        }
      }));
  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static Value.Candidate candidate(Phrase text, String... keys) {
    return new Value.Candidate(text, List.of(keys));
  }

  /** Every field filled, every phrase kind, text that must be escaped (quotes, control characters, non-ASCII). */
  static HappyPathCollector.Summary rich() {
    List<Phrase> kinds = new ArrayList<>();
    for (Phrase.Kind k : Phrase.Kind.values()) {
      kinds.add(Phrase.of("kind ").then(k, "x-" + k.name()).then(" ends"));
    }
    Phrase odd = Phrase.of("\"quoted\" \\ back\tslash\n").then(Phrase.Kind.PATH, "p\u00e9/\u2603/\u0001.py")
        .then(" </script> \ud83d\ude00");
    return new HappyPathCollector.Summary(
        List.of(candidate(odd, "ACME_MODE", "acme.mode"), candidate(Phrase.of(""), new String[0])),
        List.of(candidate(kinds.get(0), "Qual.fn(param)")),
        List.of(new NewImport("google", List.of("google", "google.genai"), "acme/api.py", "acme.api"),
            new NewImport("redis", List.of(), "x \"y\".py", "")),
        List.of("redis", "ujson"), List.of("acme/api.py: call", "\u00e9t\u00e9.py"), kinds, List.of("bad.py (E1)"),
        List.of("tests/smoke", "t\u00e9sts"), List.of(candidate(Phrase.of("env var ").then(Phrase.Kind.NAME, "KEY"),
            "KEY")), List.of(candidate(odd, "T")), List.of("bin/acme"));
  }

  @Test
  void writesWhatDatabindWrote() throws IOException {
    for (HappyPathCollector.Summary s : List.of(rich(), empty())) {
      String before = DATABIND.writeValueAsString(s);
      assertThat(PLAIN.writeValueAsString(SummaryJson.write(s))).isEqualTo(before);
      assertThat(SummaryJson.read(PLAIN.readTree(before))).isEqualTo(s);
      assertThat(DATABIND.treeToValue(SummaryJson.write(s), HappyPathCollector.Summary.class)).isEqualTo(s);
    }
  }

  /** A null where databind wrote one (no collector leaves one today) is written and read as databind did. */
  @Test
  void nullsAsDatabind() throws IOException {
    HappyPathCollector.Summary s = new HappyPathCollector.Summary(Arrays.asList(candidate(null, "K")), null,
        List.of(new NewImport("p", List.of(), null, null)), Arrays.asList("a", null), List.of(), Arrays.asList(
        (Phrase) null), List.of(), List.of(), List.of(), List.of(), List.of());
    String before = DATABIND.writeValueAsString(s);
    assertThat(PLAIN.writeValueAsString(SummaryJson.write(s))).isEqualTo(before);
    assertThat(SummaryJson.read(PLAIN.readTree(before))).isEqualTo(s);
  }

  /** Another shape (an older layout, a hand-edited file) is refused: the cache then recomputes. */
  @Test
  void refusesAnotherShape() throws IOException {
    String good = PLAIN.writeValueAsString(SummaryJson.write(rich()));
    for (String bad : List.of("{}", "[]", "\"x\"", good.replace("\"scripts\"", "\"scripts2\""),
        good.replace("\"pkg\":\"google\"", "\"pkg\":7"), good.replace("\"keys\":[\"KEY\"]", "\"keys\":\"KEY\""),
        good.replace("\"text\":[", "\"text\":{\"a\":[").replace("],\"keys\"", "]},\"keys\""))) {
      assertThatThrownBy(() -> SummaryJson.read(PLAIN.readTree(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static HappyPathCollector.Summary empty() {
    return new HappyPathCollector.Summary(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
