package dev.forkstate.render.update;

/** A piece of a report file, by who owns it. Sealed so the merger handles every kind. */
public sealed interface Block permits Block.Managed, Block.HandWritten, Block.Facts {

  /**
   * A section forkstate owns: {@code text} is the whole block as it stands in the file (markers included),
   * {@code body} the lines between the markers. {@code recordedHash} is the hash forkstate wrote when it generated
   * the body (null for a report without marks): a body that no longer matches it was edited by hand.
   */
  record Managed(String id, String text, String body, String recordedHash, int firstLine) implements Block {}

  /** Text forkstate does not own: copied to the new file byte for byte, at its place. */
  record HandWritten(String text) implements Block {}

  /** The one-line comment that carries the facts of the run that wrote the file. */
  record Facts(String text, String json) implements Block {}
}
