package dev.forkstate.collect.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.write.AtomicWriter;
import dev.forkstate.write.IgnoredDir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads Python files with the target's own python3 and its standard {@code ast} module (pyscan.py, shipped in the
 * jar; it parses, never imports or runs the code). Files are git blobs, so results are cached by blob id in
 * {@code .forkstate/pyscan/}: a second run on the same commits parses nothing. The cache file is named after the
 * scanner's own hash, so a new scanner never reads an old scanner's answers.
 */
public final class PythonScanner {
  static final String SCRIPT = "pyscan.py";
  static final String CACHE_DIR = ".forkstate/pyscan";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CollectContext ctx;

  public PythonScanner(CollectContext ctx) {
    this.ctx = ctx;
  }

  /** Why the scan could not run (no python3, a timeout): facts built on it are UNKNOWN with this reason. */
  public static final class Unavailable extends Exception {
    private final CommandResult run;

    Unavailable(String why, CommandResult run) {
      super(why, null, false, false);
      this.run = run;
    }

    public CommandResult run() {
      return run;
    }
  }

  /** The modules by blob id, and how many were parsed in this run (the rest came from the cache). */
  public record Scan(Map<String, PyModule> modules, int parsedNow) {}

  public Scan scan(Collection<String> blobIds) throws Unavailable {
    String script = script();
    String version = sha(script).substring(0, 12);
    Path cacheFile = ctx.repo().resolve(CACHE_DIR).resolve("pyscan-" + version + ".json");
    Map<String, JsonNode> cache = readCache(cacheFile);
    Set<String> wanted = new TreeSet<>(blobIds);
    List<String> missing = wanted.stream().filter(b -> !cache.containsKey(b)).toList();
    if (!missing.isEmpty()) {
      cache.putAll(run(script, missing));
      writeCache(cacheFile, cache);
    }
    Map<String, PyModule> out = new LinkedHashMap<>();
    for (String b : wanted) {
      out.put(b, module(cache.get(b)));
    }
    return new Scan(out, missing.size());
  }

  private Map<String, JsonNode> run(String script, List<String> blobs) throws Unavailable {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("forkstate-pyscan");
      Path scriptFile = tmp.resolve(SCRIPT);
      Files.writeString(scriptFile, script);
      Path ids = tmp.resolve("blobs.txt");
      Files.write(ids, blobs);
      Path out = tmp.resolve("out.jsonl");
      // A minute, plus time per file: 4,000 large files parse in a few seconds; a hang is still cut off.
      Duration timeout = Duration.ofSeconds(60 + blobs.size() / 20);
      CommandResult r = ctx.runner().run(new CommandSpec(List.of("python3", scriptFile.toString(), ids.toString(),
          out.toString()), "python3 pyscan.py (forkstate's ast scanner)", ctx.repo(), Map.of(), timeout));
      if (r.timedOut()) {
        throw new Unavailable("the Python scanner timed out after " + timeout.toSeconds() + " s", r);
      }
      if (!r.ok()) {
        throw new Unavailable(r.started() ? "the Python scanner failed: " + r.firstErrorLine()
            : "python3 is not available: " + r.startError(), r);
      }
      Map<String, JsonNode> results = new HashMap<>();
      try (BufferedReader in = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonNode n = JSON.readTree(line);
          results.put(n.path("blob").asText(), n);
        }
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static Map<String, JsonNode> readCache(Path file) {
    Map<String, JsonNode> cache = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return cache;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("blobs").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        cache.put(e.getKey(), e.getValue());
      }
    } catch (IOException | RuntimeException corrupt) {
      cache.clear(); // a damaged cache is only a cold start
    }
    return cache;
  }

  private static void writeCache(Path file, Map<String, JsonNode> cache) {
    try {
      IgnoredDir.create(file.getParent());
      ObjectNode root = JSON.createObjectNode();
      ObjectNode blobs = root.putObject("blobs");
      new TreeMap<>(cache).forEach(blobs::set);
      AtomicWriter.write(file, JSON.writeValueAsString(root), null);
    } catch (IOException | RuntimeException e) {
      // A read-only repository still gets its facts; only the next run is slower.
    }
  }

  static PyModule module(JsonNode n) {
    if (n == null) {
      return new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), "not scanned");
    }
    if (n.has("error")) {
      return new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), n.path("error").asText());
    }
    Map<String, List<PyModule.Param>> fns = new TreeMap<>();
    n.path("functions").fields().forEachRemaining(e -> {
      List<PyModule.Param> ps = new ArrayList<>();
      e.getValue().forEach(p -> ps.add(new PyModule.Param(p.get(0).asText(), p.get(1).asText(),
          p.get(2).isNull() ? null : p.get(2).asText())));
      fns.put(e.getKey(), ps);
    });
    return new PyModule(texts(n.path("env")), fns, texts(n.path("cli")), texts(n.path("symbols")),
        texts(n.path("top_imports")),
        texts(n.path("guarded_imports")), "");
  }

  private static Set<String> texts(JsonNode arr) {
    Set<String> out = new TreeSet<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static String script() {
    try (InputStream in = PythonScanner.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }
}
