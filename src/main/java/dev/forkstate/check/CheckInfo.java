package dev.forkstate.check;

/** What a check asks (phrased so the answer is yes or no), why it matters and how to fix a failure. */
public record CheckInfo(String id, String title, String why, String remedy) {}
