package dev.forkstate.assess.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bodies shaped like OpenAI's documented chat completions API (POST /v1/chat/completions): the chat.completion
 * object, and the error object {"error": {"message", "type", "param", "code"}} that comes with 4xx and 5xx.
 */
final class ChatCompletions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatCompletions() {}

  static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT").put("object", "chat.completion")
        .put("created", 1741569952).put("model", "gpt-4o-mini-2024-07-18");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal")
        .putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", "stop");
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", 1117).put("completion_tokens", 46).put("total_tokens", 1163);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    root.put("service_tier", "default").put("system_fingerprint", "fp_06737a9306");
    return root.toString();
  }

  static String error(String message, String type, String code) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode err = root.putObject("error");
    err.put("message", message).put("type", type).putNull("param");
    if (code == null) {
      err.putNull("code");
    } else {
      err.put("code", code);
    }
    return root.toString();
  }

  /** A model answer in the JSON shape the instructions ask for. */
  static String points(String... textThenCites) {
    StringBuilder sb = new StringBuilder("{\"points\":[");
    for (int i = 0; i < textThenCites.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"text\":").append(JSON.valueToTree(textThenCites[i]).toString()).append(",\"cites\":[");
      String[] ids = textThenCites[i + 1].isEmpty() ? new String[0] : textThenCites[i + 1].split(" ");
      for (int j = 0; j < ids.length; j++) {
        sb.append(j > 0 ? "," : "").append('"').append(ids[j]).append('"');
      }
      sb.append("]}");
    }
    return sb.append("]}").toString();
  }
}
