package dev.forkstate.exec;

/**
 * How much of one output stream a run kept: the bytes the process wrote (all of them are read, past the cap too,
 * so the process never blocks on a full pipe), the cap, and whether the stream was read to its end. A parser may
 * count or list what the output holds only when it is whole; otherwise the answer is UNKNOWN with {@link #why()}.
 */
public record Capture(long bytesRead, long cap, boolean ended) {
  /** A stream that was never opened (the process did not start): nothing read, nothing missing. */
  public static final Capture NONE = new Capture(0, 0, true);

  public boolean whole() {
    return ended && bytesRead <= cap;
  }

  /** Over the cap: part of the output was dropped to keep memory bounded. */
  public boolean overCap() {
    return bytesRead > cap;
  }

  /** Why the output may not be parsed, in the words a report shows; empty when it is whole. */
  public String why() {
    if (overCap()) {
      return "output too large (" + bytesRead + " bytes read, cap " + cap + ")";
    }
    return ended ? "" : "output not read to its end (" + bytesRead + " bytes read)";
  }
}
