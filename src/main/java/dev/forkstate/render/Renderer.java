package dev.forkstate.render;

import dev.forkstate.report.Report;

/** Turns the report model into text. Pure: renderers run no commands and read no files. */
public sealed interface Renderer permits MarkdownRenderer, JsonRenderer {
  String render(Report report);
}
