package dev.forkstate.check;

/**
 * What a check asks (the title, phrased so the answer is yes or no), a short label for summaries, why it matters and
 * how to fix a failure.
 */
public record CheckInfo(String id, String label, String title, String why, String remedy) {}
