package dev.forkstate.assess.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the model SDK's inner jar becomes a file to load from: copied once into the per-user cache, named by its size
 * and checksum, copied again when the cached file was damaged, and into a temporary file when there is no usable
 * cache. The built jar's whole path (a model call through the inner jar) is ModelSdkJarIT's.
 */
class ModelSdkTest {
  private static final byte[] INNER = "the SDK's jar, as bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  /** A jar holding the inner jar's entry, as forkstate.jar does; the URL a class loader would give for it. */
  private URL innerOf(byte[] bytes) throws IOException {
    Path outer = tmp.resolve("forkstate.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(outer))) {
      out.putNextEntry(new JarEntry(ModelSdk.INNER_JAR));
      out.write(bytes);
      out.closeEntry();
    }
    return new URL("jar:" + outer.toUri() + "!/" + ModelSdk.INNER_JAR);
  }

  private static String[] cacheFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void theInnerJarIsCopiedOnceIntoTheCacheNamedBySizeAndChecksum() throws IOException {
    Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString());
    Path first = ModelSdk.onDisk(innerOf(INNER), env);
    assertThat(first.getParent()).isEqualTo(tmp.resolve("home/.cache/forkstate"));
    assertThat(first.getFileName().toString()).matches("model-sdk-" + INNER.length + "-[0-9a-f]+\\.jar");
    assertThat(Files.readAllBytes(first)).isEqualTo(INNER);
    long modified = Files.getLastModifiedTime(first).toMillis();

    Path second = ModelSdk.onDisk(innerOf(INNER), env);
    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second).toMillis()).isEqualTo(modified);
    assertThat(cacheFiles(first.getParent())).containsExactly(first.getFileName().toString());
  }

  @Test
  void aDamagedCacheFileOfTheSameSizeIsCopiedAgain() throws IOException {
    Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString());
    Path cached = ModelSdk.onDisk(innerOf(INNER), env);
    byte[] damaged = INNER.clone();
    damaged[3] ^= 1;
    Files.write(cached, damaged);

    Path again = ModelSdk.onDisk(innerOf(INNER), env);
    assertThat(again).isEqualTo(cached);
    assertThat(Files.readAllBytes(again)).isEqualTo(INNER);
  }

  @Test
  void withoutAUsableCacheATemporaryCopyServesTheRun() throws IOException {
    // No home at all; a home whose .cache is a file (a folder cannot be made there, even by root).
    Path home = Files.createDirectory(tmp.resolve("home"));
    Files.writeString(home.resolve(".cache"), "not a folder");
    for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("HOME", home.toString()))) {
      Path copy = ModelSdk.onDisk(innerOf(INNER), env);
      assertThat(copy.startsWith(home)).as("outside the unusable home: %s", copy).isFalse();
      assertThat(Files.readAllBytes(copy)).isEqualTo(INNER);
    }
  }

  @Test
  void intactChecksSizeAndChecksum() throws IOException {
    Path file = Files.write(tmp.resolve("f"), INNER);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(INNER);
    assertThat(ModelSdk.intact(file, INNER.length, crc.getValue())).isTrue();
    assertThat(ModelSdk.intact(file, INNER.length + 1, crc.getValue())).isFalse();
    assertThat(ModelSdk.intact(file, INNER.length, crc.getValue() ^ 1)).isFalse();
  }

  /** From the class path (no inner jar), the adapter loads from there; a bad base URL is the SDK's own error. */
  @Test
  void fromTheClassPathTheAdapterLoadsDirectly() throws ChatFailure {
    ChatEndpoint endpoint = ModelSdk.endpoint("http://127.0.0.1:9/v1", "m", null, Duration.ofSeconds(1), Map.of());
    ChatEndpoint adapter = ((ModelSdk.Loaded) endpoint).adapter();
    assertThat(adapter.getClass().getName()).isEqualTo(ModelSdk.ADAPTER);
    assertThat(adapter.getClass().getClassLoader()).isSameAs(ModelSdk.class.getClassLoader());
    assertThatThrownBy(() -> endpoint.complete(List.of(ChatMessage.user("hi"))))
        .isInstanceOf(ChatFailure.class).hasMessageContaining("cannot connect to http://127.0.0.1:9/v1");
  }

  /** Child-first for the adapter and the SDK, with OkHttp missing: an inner jar that lost classes. */
  private static final class WithoutOkHttp extends ClassLoader {
    WithoutOkHttp(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("okhttp3.")) {
        throw new ClassNotFoundException(name);
      }
      if (name.startsWith("dev.forkstate.assess.llm.sdk.") || name.startsWith("com.openai.")) {
        Class<?> c = findLoadedClass(name);
        if (c != null) {
          return c;
        }
        try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          if (in == null) {
            throw new ClassNotFoundException(name);
          }
          byte[] b = in.readAllBytes();
          return defineClass(name, b, 0, b.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
      return super.loadClass(name, resolve);
    }
  }

  /** An SDK that cannot load is a failed call (the rules write the assessment), never a crash of the run. */
  @Test
  void anSdkThatDoesNotLoadIsAChatFailure() {
    assertThatThrownBy(() -> ModelSdk.endpoint(new WithoutOkHttp(ModelSdk.class.getClassLoader()),
        "http://127.0.0.1:9/v1", "m", "k", Duration.ofSeconds(1)))
        .isInstanceOf(ChatFailure.class).hasMessageContaining("the model SDK could not")
        .hasMessageContaining("okhttp3");
  }

  /** A cache folder others can write to is not used: a temporary copy serves the run. */
  @Test
  void aCacheFolderOthersCanWriteIsNotUsed() throws IOException {
    Path cache = Files.createDirectories(tmp.resolve("home/.cache/forkstate"));
    java.nio.file.Files.setPosixFilePermissions(cache,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    Path copy = ModelSdk.onDisk(innerOf(INNER), Map.of("HOME", tmp.resolve("home").toString()));
    assertThat(copy.startsWith(cache)).as("not in the shared folder: %s", copy).isFalse();
    assertThat(Files.readAllBytes(copy)).isEqualTo(INNER);
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files).isEmpty();
    }
  }
}
