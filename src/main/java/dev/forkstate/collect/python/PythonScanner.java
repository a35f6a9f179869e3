package dev.forkstate.collect.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forkstate.collect.CollectContext;
import dev.forkstate.collect.ScratchDir;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandSpec;
import dev.forkstate.secret.Redactor;
import dev.forkstate.write.IgnoredDir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
  public static final String CACHE_DIR = ".forkstate/pyscan";
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

  /** The scanner's identity: its script's hash. Caches of what it read are keyed by it. */
  public static String version() {
    return Script.VERSION;
  }

  public Scan scan(Collection<String> blobIds) throws Unavailable {
    String script = Script.TEXT;
    Path cacheFile = ctx.repo().resolve(CACHE_DIR).resolve("pyscan-" + Script.VERSION + ".jsonl");
    Set<String> wanted = new TreeSet<>(blobIds);
    Map<String, String> lines = readCache(cacheFile, wanted);
    List<String> missing = wanted.stream().filter(b -> !lines.containsKey(b)).toList();
    if (!missing.isEmpty()) {
      List<String> fresh = run(script, missing);
      for (String line : fresh) {
        String id = blobOf(line);
        if (id != null) {
          lines.put(id, line);
        }
      }
      appendCache(cacheFile, fresh);
    }
    Map<String, PyModule> out = new LinkedHashMap<>();
    for (String b : wanted) {
      out.put(b, module(parse(lines.get(b))));
    }
    return new Scan(out, missing.size());
  }

  /** The scanner's output lines, one JSON object per blob. */
  private List<String> run(String script, List<String> blobs) throws Unavailable {
    Path tmp = null;
    try {
      tmp = ScratchDir.create("forkstate-pyscan");
      Path scriptFile = tmp.resolve(SCRIPT);
      Files.writeString(scriptFile, script);
      Path ids = tmp.resolve("blobs.txt");
      Files.write(ids, blobs);
      Path out = tmp.resolve("out.jsonl");
      // A minute, plus time per file: 4,000 large files parse in a few seconds; a hang is still cut off.
      Duration timeout = Duration.ofSeconds(60 + blobs.size() / 20);
      CommandResult r = ctx.runner().run(new CommandSpec(List.of("python3", scriptFile.toString(), ids.toString(),
          out.toString(), Script.SECRET_PARTS), "python3 pyscan.py (forkstate's ast scanner)", ctx.repo(), Map.of(), timeout));
      if (r.timedOut()) {
        throw new Unavailable("the Python scanner timed out after " + timeout.toSeconds() + " s", r);
      }
      if (!r.ok()) {
        throw new Unavailable(r.started() ? "the Python scanner (python3) failed: " + r.firstErrorLine()
            : "python3 is not available: " + r.startError(), r);
      }
      return Files.readAllLines(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ScratchDir.deleteQuietly(tmp);
    }
  }

  /**
   * The cached lines of the wanted blobs. The cache is JSON lines, append-only; each line starts with its blob id
   * (the scanner sorts keys), so lines of other blobs are skipped unparsed. A damaged line is only a miss.
   */
  private static Map<String, String> readCache(Path file, Set<String> wanted) {
    Map<String, String> out = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String id = blobOf(line);
        if (id != null && wanted.contains(id) && line.endsWith("}")) {
          out.put(id, line);
        }
      }
    } catch (IOException | RuntimeException damaged) {
      return new HashMap<>(out);
    }
    return out;
  }

  private static final String PREFIX = "{\"blob\": \"";

  private static String blobOf(String line) {
    if (!line.startsWith(PREFIX)) {
      return null;
    }
    int end = line.indexOf('"', PREFIX.length());
    return end < 0 ? null : line.substring(PREFIX.length(), end);
  }

  /** Appends under an exclusive lock, so two runs on one repository never interleave their lines. */
  private static void appendCache(Path file, List<String> lines) {
    try {
      IgnoredDir.create(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    } catch (IOException | RuntimeException e) {
      // A read-only repository still gets its facts; only the next run is slower.
    }
  }

  private static JsonNode parse(String line) {
    if (line == null) {
      return null;
    }
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }

  static PyModule module(JsonNode n) {
    if (n == null) {
      return new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), "not scanned");
    }
    String shebang = n.path("shebang").asText("");
    if (n.has("error")) {
      return new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), n.path("error").asText(),
          PyModule.Uses.NONE, shebang);
    }
    Map<String, List<PyModule.Param>> fns = new TreeMap<>();
    n.path("functions").fields().forEachRemaining(e -> {
      List<PyModule.Param> ps = new ArrayList<>();
      e.getValue().forEach(p -> ps.add(new PyModule.Param(p.get(0).asText(), p.get(1).asText(),
          p.get(2).isNull() ? null : p.get(2).asText())));
      fns.put(e.getKey(), ps);
    });
    return new PyModule(texts(n.path("env")), fns, texts(n.path("cli")), texts(n.path("symbols")),
        texts(n.path("top_imports")), texts(n.path("guarded_imports")), texts(n.path("import_paths")), "", uses(n),
        shebang);
  }

  private static PyModule.Uses uses(JsonNode n) {
    Map<String, Map<String, Set<ValueUse>>> params = new TreeMap<>();
    n.path("param_use").fields().forEachRemaining(fn -> params.put(fn.getKey(), byName(fn.getValue())));
    return new PyModule.Uses(byName(n.path("env_use")), params, byName(n.path("cli_use")));
  }

  private static Map<String, Set<ValueUse>> byName(JsonNode obj) {
    Map<String, Set<ValueUse>> out = new TreeMap<>();
    obj.fields().forEachRemaining(e -> {
      Set<ValueUse> uses = java.util.EnumSet.noneOf(ValueUse.class);
      e.getValue().forEach(w -> ValueUse.of(w.asText()).ifPresent(uses::add));
      out.put(e.getKey(), Set.copyOf(uses));
    });
    return out;
  }

  private static Set<String> texts(JsonNode arr) {
    Set<String> out = new TreeSet<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }

  /**
   * The script and its hash, read from the jar once, on first use. The secret name parts it is given pick which
   * parameters it traces, so they are part of its identity (and of its caches' keys).
   */
  private static final class Script {
    static final String TEXT = load();
    static final String SECRET_PARTS = String.join(",", new TreeSet<>(Redactor.secretNameParts()));
    static final String VERSION = identity(TEXT + "\n" + SECRET_PARTS);
  }

  /**
   * A text's identity for cache keys: its CRC-32 and Adler-32 (64 bits, zlib's native code). The script is
   * forkstate's own, not an adversary's: the key only has to change when the script does. SHA-256 ran in the
   * interpreter at start-up, 6 ms of every run's CPU for 20 KB.
   */
  static String identity(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    java.util.zip.Adler32 adler = new java.util.zip.Adler32();
    adler.update(bytes);
    java.util.HexFormat hex = java.util.HexFormat.of();
    return hex.toHexDigits((int) crc.getValue()) + hex.toHexDigits((int) adler.getValue());
  }

  private static String load() {
    try (InputStream in = PythonScanner.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
