package dev.forkstate.collect.smoke;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns JUnit's classname + name ("tests.smoke.test_gateway", "test_node") back into a pytest node id
 * ("tests/smoke/test_gateway.py::test_node") when the module file exists, so the id can be pasted into pytest.
 */
final class NodeIds {
  private NodeIds() {}

  static String of(String classname, String name, Path repo) {
    if (classname == null || classname.isEmpty()) {
      return name;
    }
    String[] parts = classname.split("\\.");
    for (int cut = parts.length; cut > 0; cut--) {
      String module = String.join("/", java.util.Arrays.copyOfRange(parts, 0, cut)) + ".py";
      if (Files.isRegularFile(repo.resolve(module))) {
        StringBuilder id = new StringBuilder(module);
        for (int i = cut; i < parts.length; i++) {
          id.append("::").append(parts[i]);
        }
        return id.append("::").append(name).toString();
      }
    }
    return classname + "::" + name;
  }
}
