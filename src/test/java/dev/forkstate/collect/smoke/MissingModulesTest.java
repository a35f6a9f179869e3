package dev.forkstate.collect.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.collect.python.DeclaredDependencies;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingModulesTest {
  @TempDir
  Path repo;

  /** Output captured from a real instructor fork without its dependencies (pytest cuts long lines with "..."). */
  @Test
  void namesEachMissingDependencyOnceAndNeverAPytestTruncation() throws Exception {
    Files.createDirectories(repo.resolve("src/instructor"));
    String out = "E   ModuleNotFoundError: No module named 'openai'\n"
        + "ERROR tests/llm/test_a.py - ModuleNotFoundError: No module named 'anthro...\n"
        + "E   ModuleNotFoundError: No module named 'google.genai'\n"
        + "E   ImportError: No module named yaml\n"
        + "E   ModuleNotFoundError: No module named 'instructor.missing'\n";
    DeclaredDependencies declared = new DeclaredDependencies(List.of(
        new Declaration("openai", Kind.REQUIRED, "pyproject.toml", ""),
        new Declaration("google-genai", Kind.EXTRA, "pyproject.toml", "google-genai")), List.of());
    MissingModules.Found found = MissingModules.in(out, repo, () -> declared);
    assertThat(found.notInstalled()).extracting(MissingModules.Missing::module)
        .containsExactly("google.genai", "openai", "yaml");
    assertThat(found.notInstalled()).extracting(m -> m.declaration().map(Declaration::where).orElse("-"))
        .containsExactly("pyproject.toml, extra google-genai", "pyproject.toml", "-");
    assertThat(found.own()).containsExactly("instructor.missing");
    assertThat(found.ownError()).isEqualTo("E   ModuleNotFoundError: No module named 'instructor.missing'");
    assertThat(found.summary().plain()).isEqualTo("could not run: No module named google.genai (declared in "
        + "pyproject.toml, extra google-genai), openai (declared in pyproject.toml), yaml (not declared by the "
        + "project); install the project's dependencies");
    assertThat(found.reason().plain()).isEqualTo("pytest stopped on google.genai, openai, yaml, which this machine "
        + "lacks and the repository does not provide, so this says nothing about the fork");
  }

  @Test
  void oneDeclaredModuleNamesWhereAndAnUnreadFileIsNamedWhenNotFound() {
    String out = "E   ModuleNotFoundError: No module named 'kombu'\n";
    DeclaredDependencies declared = new DeclaredDependencies(List.of(
        new Declaration("kombu", Kind.LISTED, "requirements/default.txt", "")), List.of());
    assertThat(MissingModules.in(out, repo, () -> declared).summary().plain()).isEqualTo("could not run: No module "
        + "named kombu (declared in requirements/default.txt; install the project's dependencies)");
    DeclaredDependencies unread = new DeclaredDependencies(List.of(),
        List.of(new DeclaredDependencies.Unread("setup.py", "computed: install_requires=install_requires()")));
    assertThat(MissingModules.in(out, repo, () -> unread).summary().plain()).isEqualTo("could not run: No module "
        + "named kombu (not declared in the files forkstate could read; setup.py: computed: "
        + "install_requires=install_requires(); install it)");
  }

  /** `from google import genai` without google-genai: pytest names the namespace, which the extra provides. */
  @Test
  void aMissingNamespacePackageIsDeclaredByTheExtraThatInstallsIntoIt() {
    DeclaredDependencies declared = new DeclaredDependencies(List.of(
        new Declaration("google-genai", Kind.EXTRA, "pyproject.toml", "google-genai")), List.of());
    assertThat(MissingModules.in("E   ModuleNotFoundError: No module named 'google'\n", repo, () -> declared)
        .summary().plain()).isEqualTo("could not run: No module named google (declared in pyproject.toml, extra "
        + "google-genai; install the project's dependencies)");
    assertThat(declared.of("google")).isEmpty(); // for the optional-import rule, google is not that extra
  }

  @Test
  void declarationsAreNotReadWhenNothingIsMissing() {
    MissingModules.Found found = MissingModules.in("1 failed", repo, () -> {
      throw new AssertionError("read");
    });
    assertThat(found.notInstalled()).isEmpty();
  }
}
