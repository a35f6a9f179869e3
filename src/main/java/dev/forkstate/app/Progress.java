package dev.forkstate.app;

/** Where a long run says what it is doing (stderr, never the report); {@link #NONE} says nothing. */
public interface Progress {
  Progress NONE = new Progress() {
    @Override
    public void step(String what) {}

    @Override
    public void done() {}
  };

  /** A new step starts. */
  void step(String what);

  /** The run is over: a terminal line is cleared. */
  void done();
}
