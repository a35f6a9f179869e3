package dev.forkstate.collect.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an imported top-level package comes from: the standard library, the repository itself, or elsewhere (a
 * dependency). Only a dependency can be "optional": {@code try: from typing import TypeAlias except ImportError}
 * guards a Python-version difference, and a package importing itself guarded somewhere says nothing about the
 * package being optional.
 */
public final class ImportOrigin {
  private static final Set<String> STDLIB = load();
  private final Path repo;

  public ImportOrigin(Path repo) {
    this.repo = repo;
  }

  public static boolean stdlib(String topLevel) {
    return STDLIB.contains(topLevel);
  }

  /** The repository provides it: a package folder or a module file at the root or under src/. */
  public boolean own(String topLevel) {
    for (Path base : List.of(repo, repo.resolve("src"))) {
      if (Files.isDirectory(base.resolve(topLevel)) || Files.isRegularFile(base.resolve(topLevel + ".py"))) {
        return true;
      }
    }
    return false;
  }

  /** A dependency: neither the standard library nor the repository's own code. */
  public boolean dependency(String module) {
    String top = module.split("\\.")[0];
    return !stdlib(top) && !own(top);
  }

  private static Set<String> load() {
    try (InputStream in = ImportOrigin.class.getResourceAsStream("stdlib-modules.txt")) {
      if (in == null) {
        throw new IllegalStateException("stdlib-modules.txt is missing from the jar");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
