package dev.forkstate.verify;

/** TRUE and FALSE only from a measurement; UNVERIFIABLE says why not. */
public enum Verdict { TRUE, FALSE, UNVERIFIABLE }
