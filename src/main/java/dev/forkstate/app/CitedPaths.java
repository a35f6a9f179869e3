package dev.forkstate.app;

import dev.forkstate.collect.refs.ReferenceCollector.CitedPath;
import dev.forkstate.collect.smoke.SmokeCommand;
import dev.forkstate.config.Settings;
import java.util.ArrayList;
import java.util.List;

/** Every path the report will cite, with why: smoke test paths, the live-check script, the workflow, the guide. */
final class CitedPaths {
  private CitedPaths() {}

  static List<CitedPath> of(Settings s) {
    List<CitedPath> out = new ArrayList<>();
    for (Settings.Smoke smoke : s.smokes()) {
      SmokeCommand.parse(smoke.command()).testPaths().forEach(p -> out.add(new CitedPath("smoke", p)));
    }
    if (s.liveCheck() != null) {
      for (String token : s.liveCheck().command().split("\\s+")) {
        if (token.matches("[^$=`'\"]+\\.(py|sh|js|ts)")) {
          out.add(new CitedPath("live", token));
        }
      }
    }
    if (s.ciWorkflow().isSet()) {
      out.add(new CitedPath("ci", s.ciWorkflow().value()));
    }
    if (s.guide().isSet()) {
      out.add(new CitedPath("guide", s.guide().value()));
    }
    s.paths().forEach(p -> out.add(new CitedPath("config", p)));
    return out;
  }
}
