package dev.forkstate.assess.llm.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.forkstate.assess.llm.ChatEndpoint;
import dev.forkstate.assess.llm.ChatFailure;
import dev.forkstate.assess.llm.ChatMessage;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Chat completions through the official openai-java SDK, against any OpenAI-compatible base URL (a LiteLLM proxy,
 * OpenAI, Ollama, vLLM). The SDK's retries are off ({@link RetryingEndpoint} decides); temperature 0 and JSON mode,
 * which the model may ignore: the answer is checked anyway. Failures become {@link ChatFailure}s whose words name the
 * status and the server's own error message, never the key or a stack trace. The only class that touches the SDK, so
 * runs without a model never load it. In forkstate.jar it is not among the jar's own classes but in the SDK's inner
 * jar, with the SDK: {@link dev.forkstate.assess.llm.ModelSdk} loads it from there, by name, when a model is called.
 */
public final class OpenAiChatEndpoint implements ChatEndpoint, AutoCloseable {
  private static final int MAX_ERROR_CHARS = 200;
  private final OpenAIClient client;
  private final String model;
  private final String baseUrl;
  private final Duration timeout;

  public OpenAiChatEndpoint(String baseUrl, String model, String apiKey, Duration timeout) {
    this.model = model;
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    // Endpoints without auth (Ollama, an open LiteLLM proxy) ignore the key, but the SDK wants one.
    this.client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(apiKey == null ? "none" : apiKey)
        .timeout(timeout).maxRetries(0).build();
  }

  @Override
  public String complete(List<ChatMessage> messages) throws ChatFailure {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model).temperature(0.0)
        .responseFormat(ResponseFormatJsonObject.builder().build());
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case SYSTEM -> params.addSystemMessage(m.content());
        case USER -> params.addUserMessage(m.content());
        case ASSISTANT -> params.addAssistantMessage(m.content());
        default -> throw new IllegalStateException(m.role().name());
      }
    }
    ChatCompletion completion;
    try {
      completion = client.chat().completions().create(params.build());
      return completion.choices().stream().findFirst().flatMap(c -> c.message().content())
          .filter(s -> !s.isBlank())
          .orElseThrow(() -> ChatFailure.permanent("the endpoint's answer has no message content"));
    } catch (OpenAIServiceException e) {
      throw service(e);
    } catch (OpenAIIoException e) {
      throw io(e);
    } catch (OpenAIInvalidDataException e) {
      throw ChatFailure.permanent("the endpoint's response is not a chat completion (" + firstLine(e) + ")");
    } catch (OpenAIException e) {
      throw ChatFailure.permanent("the call failed: " + firstLine(e));
    }
  }

  private static ChatFailure service(OpenAIServiceException e) {
    int status = e.statusCode();
    String message = serverMessage(e.body()).map(m -> ": " + m).orElse("");
    String why = "HTTP " + status + message;
    boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
    return new ChatFailure(why, retryable, retryAfter(e).orElse(null));
  }

  /**
   * The documented error shape is {"error": {"message", "type", "code"}}; the SDK hands over the inner object, other
   * servers may not, so both are read.
   */
  private static Optional<String> serverMessage(JsonValue body) {
    try {
      JsonNode n = body.convert(JsonNode.class);
      String m = n.path("message").asText(n.path("error").path("message").asText(""));
      m = m.replaceAll("\\s+", " ").strip();
      return m.isEmpty() ? Optional.empty()
          : Optional.of(m.length() > MAX_ERROR_CHARS ? m.substring(0, MAX_ERROR_CHARS) + "…" : m);
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  /** retry-after-ms (OpenAI's own) or Retry-After in seconds. An HTTP date is left to the default backoff. */
  static Optional<Duration> retryAfter(OpenAIServiceException e) {
    try {
      List<String> ms = e.headers().values("retry-after-ms");
      if (!ms.isEmpty()) {
        return Optional.of(Duration.ofMillis((long) Double.parseDouble(ms.get(0).strip())));
      }
      List<String> s = e.headers().values("retry-after");
      if (!s.isEmpty()) {
        return Optional.of(Duration.ofMillis((long) (Double.parseDouble(s.get(0).strip()) * 1000)));
      }
    } catch (NumberFormatException httpDate) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private ChatFailure io(OpenAIIoException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return new ChatFailure("no answer from " + baseUrl + " within " + timeout.toSeconds() + " s", true, null);
      }
      if (t instanceof ConnectException) {
        return new ChatFailure("cannot connect to " + baseUrl + " (" + firstLine(t) + ")", true, null);
      }
      if (t instanceof UnknownHostException) {
        return ChatFailure.permanent("unknown host in " + baseUrl);
      }
    }
    return new ChatFailure("network error talking to " + baseUrl + " (" + firstLine(e) + ")", true, null);
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    String line = m.lines().findFirst().orElse("").strip();
    return line.length() > MAX_ERROR_CHARS ? line.substring(0, MAX_ERROR_CHARS) + "…" : line;
  }

  @Override
  public void close() {
    client.close();
  }
}
