package dev.forkstate.assess.llm;

import java.time.Duration;
import java.util.List;

/**
 * Bounded retries around an endpoint: a failure that may pass (429, 5xx, timeout, refused connection) is tried again
 * up to {@code maxRetries} times. The wait is what the server asked for (Retry-After), else 1 s, 2 s, 4 s... up to
 * 30 s; a server that asks for more than {@link #MAX_WAIT} is not waited for. The SDK's own retries are off, so this
 * is the one place that decides, and the sleeper is injectable so tests check the waits without waiting.
 */
public final class RetryingEndpoint implements ChatEndpoint {
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Waits between attempts. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final ChatEndpoint inner;
  private final int maxRetries;
  private final Sleeper sleeper;

  public RetryingEndpoint(ChatEndpoint inner, int maxRetries, Sleeper sleeper) {
    this.inner = inner;
    this.maxRetries = maxRetries;
    this.sleeper = sleeper;
  }

  @Override
  public String complete(List<ChatMessage> messages) throws ChatFailure {
    for (int retry = 0; ; retry++) {
      try {
        return inner.complete(messages);
      } catch (ChatFailure f) {
        if (!f.retryable() || retry >= maxRetries) {
          throw retry == 0 ? f : new ChatFailure(f.getMessage() + " (after " + (retry + 1) + " attempts)", false, null);
        }
        Duration wait = f.retryAfter().orElse(backoff(retry));
        if (wait.compareTo(MAX_WAIT) > 0) {
          throw new ChatFailure(f.getMessage() + "; the server asks to retry after " + wait.toSeconds()
              + " s, more than the " + MAX_WAIT.toSeconds() + " s forkstate waits", false, null);
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw ChatFailure.permanent("interrupted while waiting to retry: " + f.getMessage());
        }
      }
    }
  }

  static Duration backoff(int retry) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(retry, 5)));
  }
}
