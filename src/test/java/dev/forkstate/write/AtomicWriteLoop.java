package dev.forkstate.write;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child-process body for the kill test: rewrites a file forever with one of two large, uniform contents. */
public final class AtomicWriteLoop {
  private AtomicWriteLoop() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    String a = "a".repeat(4 * 1024 * 1024);
    String b = "b".repeat(4 * 1024 * 1024);
    Files.writeString(target.resolveSibling("started"), "1");
    for (long i = 0; ; i++) {
      AtomicWriter.write(target, i % 2 == 0 ? a : b);
    }
  }
}
