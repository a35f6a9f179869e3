package dev.forkstate.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.demo.GitScript;
import dev.forkstate.exec.CommandResult;
import dev.forkstate.exec.CommandRunner;
import dev.forkstate.secret.Redactor;
import dev.forkstate.support.Repos;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors asking for the same merge-base at once get one git process and the same answer. */
class MergeBasesTest {
  @TempDir
  Path tmp;

  @Test
  void oneProcessPerRefHoweverManyAskAtOnce() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    GitScript fork = Repos.fork(tmp, env)[1];
    // A git on the PATH that logs its arguments, then runs the real one.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("calls.txt");
    Path wrapper = bin.resolve("git");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nPATH='" + env.get("PATH")
        + "' exec git \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> logged = new HashMap<>(env);
    logged.put("PATH", bin + ":" + env.get("PATH"));
    MergeBases bases = new MergeBases(new GitCli(fork.dir(), new CommandRunner(logged, Redactor.none())));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<CommandResult>> asks = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        asks.add(CompletableFuture.supplyAsync(() -> bases.of("upstream/main"), pool));
      }
      CommandResult first = asks.get(0).join();
      assertThat(first.ok()).isTrue();
      asks.forEach(a -> assertThat(a.join()).isSameAs(first));
      assertThat(bases.of("upstream/main")).isSameAs(first);
      assertThat(bases.of("no-such-ref").ok()).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllLines(log)).containsExactly("merge-base HEAD upstream/main",
        "merge-base HEAD no-such-ref");
  }
}
