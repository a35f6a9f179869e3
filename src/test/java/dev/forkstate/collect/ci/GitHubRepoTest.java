package dev.forkstate.collect.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitHubRepoTest {
  @ParameterizedTest
  @CsvSource({
      "https://github.com/BerriAI/litellm.git, github.com, BerriAI, litellm, https://api.github.com",
      "https://github.com/acme/litellm, github.com, acme, litellm, https://api.github.com",
      "https://x-access-token:abc@github.com/acme/litellm.git, github.com, acme, litellm, https://api.github.com",
      "git@github.com:acme/litellm.git, github.com, acme, litellm, https://api.github.com",
      "ssh://git@github.com/acme/litellm.git, github.com, acme, litellm, https://api.github.com",
      "https://ghe.corp.example/team/litellm.git, ghe.corp.example, team, litellm, https://ghe.corp.example/api/v3",
      "git@ghe.corp.example:team/litellm.git, ghe.corp.example, team, litellm, https://ghe.corp.example/api/v3"})
  void parsesRemoteUrls(String url, String host, String owner, String name, String api) {
    GitHubRepo r = GitHubRepo.fromRemoteUrl(url).orElseThrow();
    assertThat(r).isEqualTo(new GitHubRepo(host, owner, name, api));
  }

  @ParameterizedTest
  @CsvSource({"/srv/git/litellm.git", "../upstream", "file:///tmp/x.git"})
  void localPathsAreNotGitHub(String url) {
    assertThat(GitHubRepo.fromRemoteUrl(url)).isEmpty();
  }
}
