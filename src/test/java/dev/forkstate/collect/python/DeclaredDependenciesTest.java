package dev.forkstate.collect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.collect.GitCli;
import dev.forkstate.collect.python.DeclaredDependencies.Declaration;
import dev.forkstate.collect.python.DeclaredDependencies.Kind;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.TestEnv;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers of declared dependencies, on the shapes real projects use (instructor, celery, poetry projects). */
class DeclaredDependenciesTest {
  @TempDir
  Path tmp;

  private static final String PYPROJECT = """
      [project]
      name = "instructor"
      dependencies = [
          "openai<2.0.0,>=1.52.0",
          "docstring-parser<1.0,>=0.16",
          "PyYAML>=6",
          "exceptiongroup>=1.3.0; python_version < '3.11'",
      ]
      [project.optional-dependencies]
      anthropic = ["anthropic==0.48.0", "xmltodict<0.15,>=0.13"]
      google-genai=["google-genai>=1.5.0","jsonref<2.0.0,>=1.1.0"]
      perplexity = ["openai<2.0.0,>=1.52.0"]
      [dependency-groups]
      dev = ["pytest<9.0.0,>=8.3.3", {include-group = "docs"}]
      docs = ["mkdocs-material[imaging]<10.0.0,>=9.5.9"]
      """;

  @Test
  void pyprojectRequiredExtrasAndGroupsByImportName() {
    DeclaredDependencies d = PyprojectDeclarations.read("pyproject.toml", PYPROJECT, p -> Optional.empty());
    assertThat(d.complete()).isTrue();
    assertThat(d.required("openai.types")).isTrue();
    assertThat(d.extra("openai")).isFalse(); // required wins over the extra that repeats it
    assertThat(d.required("docstring_parser")).isTrue();
    assertThat(d.required("yaml")).isTrue();
    assertThat(d.extra("anthropic")).isTrue();
    assertThat(d.of("anthropic").map(Declaration::where)).contains("pyproject.toml, extra anthropic");
    assertThat(d.extra("google.genai.types")).isTrue();
    assertThat(d.of("google")).isEmpty(); // google-genai provides google.genai, not every google.* package
    assertThat(d.of("pytest").map(Declaration::kind)).contains(Kind.GROUP);
    assertThat(d.of("mkdocs_material").map(Declaration::where)).contains("pyproject.toml, group docs");
    assertThat(d.of("kombu")).isEmpty();
  }

  @Test
  void malformedPyprojectIsUnreadWithTheReason() {
    DeclaredDependencies d = PyprojectDeclarations.read("pyproject.toml", "[project\ndependencies = [\"a\"",
        p -> Optional.empty());
    assertThat(d.declarations()).isEmpty();
    assertThat(d.unread()).singleElement().satisfies(u -> {
      assertThat(u.file()).isEqualTo("pyproject.toml");
      assertThat(u.reason()).startsWith("not valid TOML").contains("line 1");
    });
    DeclaredDependencies wrongShape = PyprojectDeclarations.read("pyproject.toml",
        "[project]\ndependencies = \"requests\"\n", p -> Optional.empty());
    assertThat(wrongShape.unread()).singleElement().extracting(DeclaredDependencies.Unread::reason)
        .isEqualTo("project.dependencies is not a list");
  }

  @Test
  void poetryDependenciesExtrasAndGroups() {
    String toml = """
        [tool.poetry.dependencies]
        python = "^3.9"
        requests = "^2.31"
        redis = {version = "^5", optional = true}
        [tool.poetry.extras]
        cache = ["redis"]
        [tool.poetry.group.test.dependencies]
        pytest = "^8"
        """;
    DeclaredDependencies d = PyprojectDeclarations.read("pyproject.toml", toml, p -> Optional.empty());
    assertThat(d.required("requests")).isTrue();
    assertThat(d.of("python")).isEmpty();
    assertThat(d.of("redis").map(Declaration::where)).contains("pyproject.toml, extra cache");
    assertThat(d.of("pytest").map(Declaration::where)).contains("pyproject.toml, group test");
  }

  @Test
  void setuptoolsDynamicDependenciesComeFromTheirFile() {
    String toml = "[project]\nname='x'\ndynamic=['dependencies']\n[tool.setuptools.dynamic]\n"
        + "dependencies = {file = ['requirements.txt']}\n";
    DeclaredDependencies d = PyprojectDeclarations.read("pyproject.toml", toml,
        p -> p.equals("requirements.txt") ? Optional.of("kombu>=5\n") : Optional.empty());
    assertThat(d.of("kombu").map(Declaration::where)).contains("requirements.txt");
    assertThat(d.required("kombu")).isTrue();
  }

  @Test
  void setupCfgInstallRequiresAndExtras() {
    String cfg = """
        [metadata]
        name = acme
        [options]
        packages = find:
        install_requires =
            billiard>=4.2.1,<5.0
            python-dateutil>=2.8.2
        [options.extras_require]
        redis =
            redis>=4.5.2
        # a comment
        yaml = PyYAML>=3.10
        """;
    DeclaredDependencies d = SetupCfgDeclarations.read("setup.cfg", cfg, p -> Optional.empty());
    assertThat(d.required("billiard")).isTrue();
    assertThat(d.required("dateutil.tz")).isTrue();
    assertThat(d.of("redis").map(Declaration::where)).contains("setup.cfg, extra redis");
    assertThat(d.extra("yaml")).isTrue();
  }

  @Test
  void requirementsFilesListNamesAndSkipOptions() {
    String txt = """
        # comment
        -r extras/yaml.txt
        -e .
        billiard>=4.2.1,<5.0
        pytest-celery[all]>=1.3.0
        exceptiongroup>=1.3.0; python_version < '3.11'
        tzlocal  # trailing comment
        boto3==1.0 \\
            --hash=sha256:abc
        git+https://github.com/x/y.git#egg=vine
        https://example.com/pkg.whl
        """;
    assertThat(Requirements.ofFile(txt)).containsExactly("billiard", "pytest-celery", "exceptiongroup", "tzlocal",
        "boto3", "vine");
    assertThat(Requirements.name("name @ https://x/y.whl")).contains("name");
    assertThat(Requirements.name("zope.interface>=5")).contains("zope.interface");
    assertThat(Requirements.name(">=5")).isEmpty();
  }

  @Test
  void setupPyLiteralListsAreReadAndComputedOnesAreSaidUnread() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    String literal = """
        from setuptools import setup
        REQUIRES = ["kombu>=5.3", "vine"]
        setup(name="acme", install_requires=REQUIRES, extras_require={"redis": ["redis>=4"], "yaml": "PyYAML"})
        """;
    DeclaredDependencies d = SetupPyDeclarations.read("setup.py", literal, runner, tmp);
    assertThat(d.complete()).isTrue();
    assertThat(d.required("kombu")).isTrue();
    assertThat(d.required("vine")).isTrue();
    assertThat(d.extra("redis")).isTrue();
    assertThat(d.extra("yaml")).isTrue();

    String computed = """
        import setuptools
        def reqs(f):
            return [l.strip() for l in open(f)]
        setuptools.setup(name="celery", install_requires=reqs('default.txt'),
                         extras_require={x: reqs(x + '.txt') for x in ['redis']})
        """;
    DeclaredDependencies c = SetupPyDeclarations.read("setup.py", computed, runner, tmp);
    assertThat(c.declarations()).isEmpty();
    assertThat(c.unread()).extracting(DeclaredDependencies.Unread::reason).containsExactlyInAnyOrder(
        "computed: install_requires=reqs('default.txt')",
        "computed: extras_require={x: reqs(x + '.txt') for x in ['redis']}");
    assertThat(SetupPyDeclarations.read("setup.py", "setup(\n", runner, tmp).unread())
        .singleElement().extracting(DeclaredDependencies.Unread::reason).asString().startsWith("does not parse");
  }

  /** From HEAD, not the work tree: a file changed but not committed is not what the commit declares. */
  @Test
  void readerReadsTheCommitNotTheWorkTree() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript g = new GitScript(tmp.resolve("r"), env, 0).init()
        .write("pyproject.toml", PYPROJECT)
        .write("requirements/default.txt", "kombu>=5.6\n")
        .write("requirements/extras/redis.txt", "redis>=4\n")
        .write("requirements-dev.txt", "pytest\n")
        .write("examples/app/requirements.txt", "flask\n")
        .commit("packaging");
    java.nio.file.Files.writeString(g.dir().resolve("pyproject.toml"), "broken [");
    CommandRunner runner = new CommandRunner(env, Redactor.fromEnvironment(env));
    DeclaredDependencies d = new DeclarationReader(g.dir(), new GitCli(g.dir(), runner), runner).read();
    assertThat(d.complete()).isTrue();
    assertThat(d.required("openai")).isTrue();
    assertThat(d.of("kombu").map(Declaration::where)).contains("requirements/default.txt");
    assertThat(d.of("redis").map(Declaration::where)).contains("requirements/extras/redis.txt");
    assertThat(d.of("pytest").map(Declaration::where)).contains("pyproject.toml, group dev");
    assertThat(d.of("flask")).isEmpty();
    // Read side by side on a pool: the same declarations, in the same order, from the same sources.
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      DeclaredDependencies parallel = new DeclarationReader(g.dir(), new GitCli(g.dir(), runner), runner, pool).read();
      assertThat(parallel).isEqualTo(d);
      assertThat(parallel.declarations()).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
