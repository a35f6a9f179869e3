package dev.forkstate.assess.llm;

import dev.forkstate.write.UserCache;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Opens the SDK-backed chat endpoint. In forkstate.jar, the openai-java SDK and what it brings (Kotlin, OkHttp: about
 * 20,000 classes) are not among the jar's own entries but packed in one jar inside it, {@value #INNER_JAR}, with
 * forkstate's adapter ({@value #ADAPTER}). Every run opens forkstate.jar, and opening a jar reads its whole index of
 * entries: 14 ms of each start-up for 23,000 entries in a cold JVM, 2 ms for the 3,000 left, while only a run that
 * calls a model needs the SDK. That run copies the inner jar once into the per-user cache folder ({@link UserCache};
 * a temporary file when there is none) and loads the adapter from it through a class loader whose parent is
 * forkstate's own, so the adapter and forkstate share {@link ChatEndpoint}, {@link ChatMessage}, {@link ChatFailure}
 * and Jackson. From a class path without the inner jar (the tests, an IDE) the adapter loads from that class path.
 */
public final class ModelSdk {
  static final String INNER_JAR = "META-INF/forkstate/model-sdk.jar";
  static final String ADAPTER = "dev.forkstate.assess.llm.sdk.OpenAiChatEndpoint";

  /** The loader of the adapter, made once per run: loading the SDK's classes twice would cost as much again. */
  private static ClassLoader loader;

  private ModelSdk() {}

  /**
   * The endpoint for a model at {@code baseUrl}; a failure to load the SDK, when the endpoint is made or later while
   * it calls (a class the SDK loads on its first request), is a {@link ChatFailure}: the rules then write the
   * assessment and the report says why. The run goes on.
   */
  public static ChatEndpoint endpoint(String baseUrl, String model, String apiKey, Duration timeout,
      Map<String, String> env) throws ChatFailure {
    ClassLoader sdk;
    try {
      sdk = loader(env);
    } catch (IOException | RuntimeException e) {
      throw ChatFailure.permanent("the model SDK could not be loaded: " + e);
    }
    return endpoint(sdk, baseUrl, model, apiKey, timeout);
  }

  /** The adapter from this class loader. */
  static ChatEndpoint endpoint(ClassLoader sdk, String baseUrl, String model, String apiKey, Duration timeout)
      throws ChatFailure {
    Object adapter;
    try {
      adapter = Class.forName(ADAPTER, true, sdk)
          .getConstructor(String.class, String.class, String.class, Duration.class)
          .newInstance(baseUrl, model, apiKey, timeout);
    } catch (InvocationTargetException e) {
      // The adapter's own failure (a base URL the SDK refuses): what it would be if the class were linked directly.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err && !(err instanceof LinkageError)) {
        throw err; // out of memory and the like: not the SDK's fault
      }
      throw ChatFailure.permanent("the model SDK could not start: " + e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw ChatFailure.permanent("the model SDK could not be loaded: " + e);
    }
    return new Loaded((ChatEndpoint) adapter);
  }

  /** The adapter, with a class of the SDK that fails to load while it calls turned into a failure of the call. */
  record Loaded(ChatEndpoint adapter) implements ChatEndpoint, AutoCloseable {
    @Override
    public String complete(List<ChatMessage> messages) throws ChatFailure {
      try {
        return adapter.complete(messages);
      } catch (LinkageError e) {
        throw ChatFailure.permanent("the model SDK could not be loaded: " + e);
      }
    }

    @Override
    public void close() throws Exception {
      if (adapter instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  private static synchronized ClassLoader loader(Map<String, String> env) throws IOException {
    if (loader == null) {
      URL inner = ModelSdk.class.getClassLoader().getResource(INNER_JAR);
      loader = inner == null ? ModelSdk.class.getClassLoader()
          : new URLClassLoader("forkstate-model-sdk", new URL[] {onDisk(inner, env).toUri().toURL()},
              ModelSdk.class.getClassLoader());
    }
    return loader;
  }

  /**
   * The inner jar as a file: in the cache folder, named by its size and checksum (read from forkstate.jar's index,
   * not from its bytes), checked against that checksum before it is used, and copied again once when it fails the
   * check (a cache file damaged since). The checksum catches damage, not tampering: what keeps another user's file out
   * is {@link UserCache}'s rule that the folder and the file are the user's own and writable by no one else.
   */
  static Path onDisk(URL inner, Map<String, String> env) throws IOException {
    if (!(inner.openConnection() instanceof JarURLConnection jar)) {
      // forkstate's classes unpacked in a folder: the inner jar is a file there already.
      try {
        return Path.of(inner.toURI());
      } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        throw new IOException("cannot read " + inner + ": " + e.getMessage(), e);
      }
    }
    ZipEntry entry = jar.getJarEntry();
    long size = entry.getSize();
    long crc = entry.getCrc();
    String name = "model-sdk-" + size + "-" + Long.toHexString(crc) + ".jar";
    Path dir = UserCache.dir(env);
    if (dir != null) {
      try {
        Path file = UserCache.copyOnce(dir, name, inner::openStream);
        if (file != null && !intact(file, size, crc)) {
          Files.delete(file);
          file = UserCache.copyOnce(dir, name, inner::openStream);
          file = file != null && intact(file, size, crc) ? file : null;
        }
        if (file != null) {
          return file; // checked once: reading 38 MB for its checksum a second time would change nothing
        }
      } catch (IOException cacheUnusable) {
        // A read-only home, a full disk: a temporary copy serves this run.
      }
    }
    Path temp = Files.createTempFile("forkstate-model-sdk", ".jar");
    temp.toFile().deleteOnExit();
    try (InputStream in = inner.openStream()) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!intact(temp, size, crc)) {
      throw new IOException("the copy of " + INNER_JAR + " in " + temp + " does not match its checksum");
    }
    return temp;
  }

  /** Whether the file holds exactly {@code size} bytes whose CRC-32 is {@code crc}. */
  static boolean intact(Path file, long size, long crc) throws IOException {
    if (Files.size(file) != size) {
      return false;
    }
    CRC32 sum = new CRC32();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        sum.update(buf, 0, n);
      }
    }
    return sum.getValue() == crc;
  }
}
