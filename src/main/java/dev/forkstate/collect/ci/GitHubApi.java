package dev.forkstate.collect.ci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few GitHub REST calls forkstate makes, on the JDK's HttpClient. Every failure becomes an {@link ApiError}
 * with a sentence a user can act on; nothing here throws for an HTTP status. The token is sent only to the API base
 * it was made for, and redirects are not followed (a redirect could carry the token to another host).
 */
public final class GitHubApi {
  public static final int MAX_PAGES = 10;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  private final String base;
  private final GitHubToken token;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();
  private volatile String rateNote = "";

  public GitHubApi(String base, GitHubToken token, Duration timeout) {
    this.base = base.replaceAll("/+$", "");
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A failed call, said plainly. */
  public static final class ApiError extends Exception {
    public ApiError(String message) {
      super(message);
    }
  }

  /** "anonymous: 57 of 60 requests left this hour", or empty when authenticated or unknown. */
  public String rateNote() {
    return rateNote;
  }

  /** GET {base}{path}; the parsed JSON body. */
  public JsonNode get(String path) throws ApiError {
    return send(URI.create(base + path)).body;
  }

  /** GET every page of a list endpoint (following Link rel="next", at most MAX_PAGES), collecting {@code field}. */
  public List<JsonNode> getAll(String path, String field) throws ApiError {
    List<JsonNode> items = new ArrayList<>();
    URI next = URI.create(base + path);
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Page p = send(next);
      JsonNode arr = p.body.get(field);
      if (arr == null || !arr.isArray()) {
        throw new ApiError("unexpected response: no '" + field + "' list in " + shortPath(next));
      }
      arr.forEach(items::add);
      next = p.next.filter(u -> u.startsWith(base)).map(URI::create).orElse(null);
    }
    return items;
  }

  private record Page(JsonNode body, Optional<String> next) {}

  private Page send(URI uri) throws ApiError {
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET()
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "forkstate");
    token.value().ifPresent(t -> req.header("Authorization", "Bearer " + t));
    HttpResponse<String> res;
    try {
      res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ApiError("GitHub did not answer within " + timeout.toSeconds() + "s (" + shortPath(uri) + ")");
    } catch (IOException e) {
      throw new ApiError("cannot reach " + uri.getHost() + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError("interrupted");
    }
    noteRate(res);
    int code = res.statusCode();
    if (code == 200) {
      try {
        JsonNode body = json.readTree(res.body());
        if (body == null || !(body.isObject() || body.isArray())) {
          throw new ApiError("unreadable response from " + shortPath(uri) + ": not a JSON object or list");
        }
        return new Page(body, res.headers().firstValue("link").flatMap(GitHubApi::nextLink));
      } catch (JsonProcessingException e) {
        throw new ApiError("unreadable response from " + shortPath(uri) + ": malformed JSON");
      }
    }
    throw new ApiError(explain(code, res, uri));
  }

  private String explain(int code, HttpResponse<String> res, URI uri) {
    String message = message(res.body());
    String remaining = res.headers().firstValue("x-ratelimit-remaining").orElse("");
    if ((code == 403 || code == 429) && ("0".equals(remaining) || message.toLowerCase(java.util.Locale.ROOT).contains("rate limit"))) {
      String reset = res.headers().firstValue("x-ratelimit-reset").filter(s -> s.matches("\\d+"))
          .map(s -> Instant.ofEpochSecond(Long.parseLong(s)).toString()).orElse("unknown");
      return "GitHub rate limit exhausted (" + code + "); it resets at " + reset
          + (token.value().isEmpty() ? "; set GITHUB_TOKEN to get 5000 requests an hour" : "");
    }
    return switch (code) {
      case 401 -> "GitHub rejected the token from " + token.source() + " (401 " + message + "): set a valid token";
      case 403 -> "no access (403 " + message + "): the token from " + token.source()
          + " cannot read Actions on this repository";
      case 404 -> "not found (404): the repository or the workflow does not exist, or is private and no token "
          + "can read it (" + shortPath(uri) + ")";
      case 301, 302, 307, 308 -> "GitHub redirected (" + code + ") to "
          + res.headers().firstValue("location").orElse("?") + ": the repository moved; update the remote URL";
      default -> code >= 500 ? "GitHub server error (" + code + "); try again later"
          : "unexpected HTTP " + code + " from " + shortPath(uri) + (message.isEmpty() ? "" : ": " + message);
    };
  }

  private void noteRate(HttpResponse<String> res) {
    if (token.value().isPresent()) {
      return;
    }
    Optional<String> left = res.headers().firstValue("x-ratelimit-remaining");
    Optional<String> limit = res.headers().firstValue("x-ratelimit-limit");
    if (left.isPresent() && limit.isPresent()) {
      rateNote = "anonymous GitHub API: " + left.get() + " of " + limit.get() + " requests left this hour";
    }
  }

  private String message(String body) {
    try {
      JsonNode n = json.readTree(body);
      return n != null && n.hasNonNull("message") ? n.get("message").asText() : "";
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private static Optional<String> nextLink(String header) {
    Matcher m = NEXT.matcher(header);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private String shortPath(URI uri) {
    String s = uri.toString();
    return s.startsWith(base) ? s.substring(base.length()) : s;
  }
}
