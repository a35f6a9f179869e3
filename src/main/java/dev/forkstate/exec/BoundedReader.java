package dev.forkstate.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream to its end, keeping at most {@code cap} bytes, so a chatty process cannot exhaust memory. Bytes
 * past the cap are read and counted but dropped: the process does not block on a full pipe, and the result can say
 * how large the output was.
 */
final class BoundedReader implements Runnable {
  /** One read buffer per pump thread, reused by every stream it reads (64 KB: a full pipe in one read). */
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[65536]);
  private final InputStream in;
  private final CountDownLatch done = new CountDownLatch(1);
  private final int cap;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private long read;
  private boolean ended;

  BoundedReader(InputStream in, int cap) {
    this.in = in;
    this.cap = cap;
  }

  @Override
  public void run() {
    byte[] buf = BUFFER.get();
    try (in) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (kept) {
          int room = cap - kept.size();
          if (room > 0) {
            kept.write(buf, 0, Math.min(room, n));
          }
          read += n;
        }
      }
      synchronized (kept) {
        ended = true;
      }
    } catch (IOException ignored) {
      // The process was killed or closed its end; what was read so far is kept, and the capture says it is partial.
    } finally {
      done.countDown();
    }
  }

  /** Waits up to {@code ms} for the reader to stop; whether it did. */
  boolean awaitEnd(long ms) throws InterruptedException {
    return done.await(ms, TimeUnit.MILLISECONDS);
  }

  /** The text and its capture taken together, so a reader that ends in between cannot pass a part as whole. */
  record Kept(String text, Capture capture) {}

  /** A reader still running (a grandchild holds the pipe open) has not reached the end: the capture says so. */
  Kept kept() {
    synchronized (kept) {
      // Decoded straight from the buffer: no byte-array copy of an output that may be megabytes.
      return new Kept(Utf8Text.decode(kept.toByteArray()), new Capture(read, cap, ended));
    }
  }
}
