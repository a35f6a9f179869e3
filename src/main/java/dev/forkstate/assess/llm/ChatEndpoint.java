package dev.forkstate.assess.llm;

import java.util.List;

/** A chat completions endpoint: messages in, the assistant's text out, or a failure that says what went wrong. */
public interface ChatEndpoint {
  String complete(List<ChatMessage> messages) throws ChatFailure;
}
