package dev.forkstate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forkstate.app.GenerateReport;
import dev.forkstate.app.GenerateRequest;
import dev.forkstate.app.GenerateResult;
import dev.forkstate.support.LargeFork;
import dev.forkstate.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17's large-fork bounds on a generated large fork ({@link LargeFork}). */
class LargeForkShapeTest {
  @TempDir
  static Path tmp;

  @Test
  void explore() throws Exception {
    Map<String, String> env = TestEnv.isolated(tmp.resolve("home"));
    long t0 = System.nanoTime();
    Path repo = LargeFork.build(tmp, env);
    long t1 = System.nanoTime();
    GenerateResult r = new GenerateReport().run(new GenerateRequest(repo, "-", GenerateRequest.Format.MD, true,
        null, env));
    long t2 = System.nanoTime();
    Files.writeString(Path.of("/tmp/r3/large.md"), r.rendered());
    if (!Files.exists(Path.of("/tmp/r3/lf"))) {
      LargeFork.build(Path.of("/tmp/r3/lf"), env);
    }
    System.out.println("build " + (t1 - t0) / 1_000_000 + " ms, generate " + (t2 - t1) / 1_000_000 + " ms");
    System.out.println(ReportShape.of(r.rendered()));
    assertThat(r.rendered()).isNotEmpty();
  }
}
