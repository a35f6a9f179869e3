package dev.forkstate.assess.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a chat call gave no answer, in words fit for the report (never the key, never a stack trace), whether trying
 * again could help, and how long the server asked us to wait first (Retry-After).
 */
public final class ChatFailure extends Exception {
  private final boolean retryable;
  private final Duration retryAfter;

  public ChatFailure(String why, boolean retryable, Duration retryAfter) {
    super(why, null, false, false);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static ChatFailure permanent(String why) {
    return new ChatFailure(why, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
