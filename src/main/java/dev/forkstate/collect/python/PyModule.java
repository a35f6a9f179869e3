package dev.forkstate.collect.python;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the scanner read from one Python file (one git blob): environment variables it reads, its public functions
 * and methods with their parameters, the CLI options it declares, and the top-level packages it imports at module
 * level, unguarded or inside try/except ImportError; {@code symbols} is every qualname it defines (functions, classes
 * and their members, module-level assignments). {@code importPaths} are the dotted names the unguarded module-level
 * imports spell ({@code from google import genai} is google.genai): what tells a namespace package's distribution.
 * {@code error} is set, and the rest empty, when it did not parse.
 * {@code uses} says what the code does with each env var's value, with the secret-like parameters and with the parsed
 * value of secret-like CLI options; {@code shebang} is the file's #! line ("" when none), read even when it does not
 * parse: it tells a Python script without .py from a shell script.
 */
public record PyModule(Set<String> env, Map<String, List<Param>> functions, Set<String> cli, Set<String> symbols,
    Set<String> topImports, Set<String> guardedImports, Set<String> importPaths, String error, Uses uses,
    String shebang) {
  public PyModule(Set<String> env, Map<String, List<Param>> functions, Set<String> cli, Set<String> symbols,
      Set<String> topImports, Set<String> guardedImports, String error) {
    this(env, functions, cli, symbols, topImports, guardedImports, topImports, error, Uses.NONE, "");
  }

  public PyModule(Set<String> env, Map<String, List<Param>> functions, Set<String> cli, Set<String> symbols,
      Set<String> topImports, Set<String> guardedImports, Set<String> importPaths, String error) {
    this(env, functions, cli, symbols, topImports, guardedImports, importPaths, error, Uses.NONE, "");
  }

  public PyModule(Set<String> env, Map<String, List<Param>> functions, Set<String> cli, Set<String> symbols,
      Set<String> topImports, Set<String> guardedImports, String error, Uses uses, String shebang) {
    this(env, functions, cli, symbols, topImports, guardedImports, topImports, error, uses, shebang);
  }

  public PyModule {
    importPaths = Set.copyOf(importPaths);
    uses = uses == null ? Uses.NONE : uses;
    shebang = shebang == null ? "" : shebang;
    symbols = Set.copyOf(symbols);
    env = Set.copyOf(env);
    functions = Map.copyOf(functions);
    cli = Set.copyOf(cli);
    topImports = Set.copyOf(topImports);
    guardedImports = Set.copyOf(guardedImports);
    error = error == null ? "" : error;
  }

  public static final PyModule EMPTY = new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), "");

  /**
   * The module a path holds: "src/acme/extras/images.py" is acme.extras.images, "acme/extras/__init__.py" and the
   * folder "acme/extras/" are acme.extras (a leading src/ is not part of the name).
   */
  public static String nameOf(String path) {
    String p = path.startsWith("src/") ? path.substring(4) : path;
    p = p.endsWith("/__init__.py") ? p.substring(0, p.length() - "/__init__.py".length())
        : p.endsWith(".py") ? p.substring(0, p.length() - 3) : p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    return p.replace('/', '.');
  }

  public boolean parsed() {
    return error.isEmpty();
  }

  /** Traced uses: per env var, per function qualname and parameter, per CLI option string. */
  public record Uses(Map<String, Set<ValueUse>> env, Map<String, Map<String, Set<ValueUse>>> params,
      Map<String, Set<ValueUse>> cli) {
    public static final Uses NONE = new Uses(Map.of(), Map.of(), Map.of());

    public Uses {
      env = Map.copyOf(env);
      params = Map.copyOf(params);
      cli = Map.copyOf(cli);
    }

    public Set<ValueUse> param(String qualname, String param) {
      return params.getOrDefault(qualname, Map.of()).getOrDefault(param, Set.of());
    }
  }

  /** One parameter: its name, kind (param, positional, keyword, *args, **kwargs) and default as source, or null. */
  public record Param(String name, String kind, String defaultSource) {}
}
