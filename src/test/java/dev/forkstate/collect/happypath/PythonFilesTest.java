package dev.forkstate.collect.happypath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.python.PyModule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which changed files are Python: .py, and files without an extension by their #! line or their content. */
class PythonFilesTest {
  private static PyModule read(String shebang, String error, Set<String> imports) {
    return new PyModule(Set.of(), Map.of(), Set.of(), Set.of(), imports, Set.of(), error, PyModule.Uses.NONE,
        shebang);
  }

  @Test
  void pythonShebangsInTheirUsualShapes() {
    assertThat(List.of("#!/usr/bin/env python3", "#!/usr/bin/python", "#!/usr/bin/env python", "#! /usr/bin/python3.11",
        "#!/opt/venv/bin/python3 -u", "#!/usr/bin/env -S python3 -X utf8", "#!/usr/bin/env pypy3"))
        .allMatch(PythonFiles::pythonShebang);
    assertThat(List.of("#!/bin/bash", "#!/usr/bin/env bash", "#!/bin/sh", "#!/usr/bin/env node",
        "#!/usr/bin/pythonista", "#!/usr/bin/env perl")).noneMatch(PythonFiles::pythonShebang);
  }

  @Test
  void anExtensionlessFileIsPythonByItsShebangOrItsContent() {
    assertThat(PythonFiles.isPython("bin/tool", read("#!/usr/bin/env python3", "", Set.of("os")))).isTrue();
    // A python shebang that does not parse is still Python: the rules then say it was not checked.
    assertThat(PythonFiles.isPython("bin/old", read("#!/usr/bin/python", "SyntaxError: x (line 2)", Set.of())))
        .isTrue();
    assertThat(PythonFiles.isPython("bin/run", read("#!/bin/bash", "SyntaxError: x (line 2)", Set.of()))).isFalse();
    // A bash script whose lines happen to parse is still bash.
    assertThat(PythonFiles.isPython("bin/run", read("#!/bin/bash", "", Set.of("os")))).isFalse();
    assertThat(PythonFiles.isPython("tool", read("", "", Set.of("argparse")))).isTrue();
    assertThat(PythonFiles.isPython("Pipfile", read("", "", Set.of()))).isFalse();
    assertThat(PythonFiles.isPython("LICENSE", read("", "SyntaxError: x (line 1)", Set.of()))).isFalse();
    assertThat(PythonFiles.isPython("pkg/a.py", read("#!/bin/bash", "", Set.of()))).isTrue();
  }

  @Test
  void onlyRegularFilesWithoutAnExtensionAreCandidates() {
    List<RawChange> raw = RawChange.parse(String.join("\0", ":000000 100755 " + "0".repeat(40) + " " + "a".repeat(40)
        + " A", "bin/tool", ":000000 120000 " + "0".repeat(40) + " " + "b".repeat(40) + " A", "bin/link",
        ":100644 100644 " + "c".repeat(40) + " " + "d".repeat(40) + " M", "README.md", ":100644 100644 "
        + "c".repeat(40) + " " + "e".repeat(40) + " M", "pkg/a.py", ":100644 000000 " + "f".repeat(40) + " "
        + "0".repeat(40) + " D", ".github/CODEOWNERS") + "\0");
    assertThat(PythonFiles.candidates(raw)).extracting(RawChange::path).containsExactly("bin/tool", "pkg/a.py",
        ".github/CODEOWNERS");
  }
}
