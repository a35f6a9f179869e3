package dev.forkstate.collect.ci;

import static dev.forkstate.fact.Phrase.Kind.CODE;
import static dev.forkstate.fact.Phrase.Kind.NAME;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.fact.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The values a reusable workflow's input takes, for a matrix or {@code python-version} written as
 * {@code ${{ inputs.X }}} or {@code ${{ fromJSON(inputs.X) }}}: what each calling job passes in {@code with:}, or
 * else the input's {@code default} under {@code on.workflow_call.inputs}. A value that is itself an expression, an
 * input with neither, or JSON that does not parse, is {@link Doubt}: never guessed.
 */
final class WorkflowInputs {
  private static final Pattern INPUT = Pattern.compile(
      "\\$\\{\\{\\s*(?:(fromjson)\\s*\\(\\s*inputs\\.([A-Za-z_][A-Za-z0-9_-]*)\\s*\\)|inputs\\.([A-Za-z_][A-Za-z0-9_-]*))"
          + "\\s*}}", Pattern.CASE_INSENSITIVE);
  // "3.12, 3.13" is not JSON to GitHub's fromJSON; Jackson would read the 3.12 and stop without the feature.
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** One way the input reaches the workflow. */
  sealed interface Source permits Known, Doubt {}

  /** @param values the strings the expression yields (a JSON array's items); {@code where} says who set them */
  record Known(List<String> values, Phrase where) implements Source {
    Known {
      values = List.copyOf(values);
    }
  }

  /** Why this source cannot be evaluated. */
  record Doubt(Phrase why) implements Source {}

  private WorkflowInputs() {}

  /** Empty when {@code text} is not exactly one input reference, plain or through fromJSON. */
  static Optional<List<Source>> resolve(WorkflowFile wf, List<WorkflowSet.CallingJob> callers, String text) {
    Matcher m = INPUT.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    boolean json = m.group(1) != null;
    String name = json ? m.group(2) : m.group(3);
    List<Source> out = new ArrayList<>();
    boolean defaulted = callers.isEmpty();
    for (WorkflowSet.CallingJob c : callers) {
      Optional<Node> passed = WorkflowFile.get(c.body(), "with").flatMap(w -> WorkflowFile.get(w, name));
      if (passed.isEmpty()) {
        defaulted = true;
      } else {
        out.add(value(passed.get(), json, c.describe().then(" passes ").then(NAME, name)
            .then(" (" + c.file().at(passed.get()) + ")")));
      }
    }
    if (defaulted) {
      Optional<Node> dflt = PushTrigger.on(wf).flatMap(on -> WorkflowFile.get(on, "workflow_call"))
          .flatMap(call -> WorkflowFile.get(call, "inputs")).flatMap(in -> WorkflowFile.get(in, name))
          .flatMap(input -> WorkflowFile.get(input, "default"));
      Phrase input = Phrase.of("input ").then(NAME, name);
      out.add(dflt.map(d -> value(d, json, input.then("'s default (" + wf.at(d) + ")")))
          .orElseGet(() -> new Doubt(input.then(" has no default under ").then(NAME, "on.workflow_call.inputs")
              .then(callers.isEmpty() ? " and no workflow calls this one" : " and a caller does not pass it"))));
    }
    return Optional.of(out);
  }

  private static Source value(Node n, boolean json, Phrase where) {
    String text = WorkflowFile.scalar(n);
    Phrase as = where.then(" as ").then(CODE, text.isEmpty() ? "(not a single value)" : text);
    if (!(n instanceof ScalarNode) || text.contains("${{")) {
      return new Doubt(as.then(", which forkstate cannot evaluate"));
    }
    if (!json) {
      return new Known(List.of(text), where);
    }
    try {
      JsonNode parsed = JSON.readTree(text);
      if (parsed == null) {
        return new Doubt(as.then(", which is not JSON"));
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : parsed.isArray() ? parsed : List.of(parsed)) {
        if (item.isValueNode()) {
          values.add(item.asText());
        }
      }
      return new Known(values, where);
    } catch (JsonProcessingException e) {
      return new Doubt(as.then(", which is not valid JSON: "
          + e.getOriginalMessage().toLowerCase(Locale.ROOT).lines().findFirst().orElse("")));
    }
  }
}
