package dev.forkstate.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/** The native library is copied once into the per-user cache, whole, and reused by later runs. */
class SqliteDriverTest {
  @TempDir
  Path tmp;

  @Test
  void theLibraryIsCopiedWholeOnceAndReusedUnchanged() throws Exception {
    Path dir = tmp.resolve("cache/forkstate");
    Path lib = SqliteDriver.cached(dir);
    assertThat(lib).isNotNull().hasParent(dir);
    assertThat(lib.getFileName().toString()).contains(SQLiteJDBCLoader.getVersion());
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
    }
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(lib, written);
    assertThat(SqliteDriver.cached(dir)).isEqualTo(lib);
    assertThat(Files.getLastModifiedTime(lib)).isEqualTo(written);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(lib.getFileName().toString());
    }
  }

  @Test
  void historyOpensWithTheDriverPreparedFromTheCache() throws Exception {
    SqliteDriver.prepare(Map.of("HOME", tmp.resolve("home").toString()));
    try (HistoryStore store = HistoryStore.open(tmp.resolve("h.db"), dev.forkstate.secret.Redactor.none())) {
      assertThat(store.recent(5)).isEmpty();
    }
  }
}
