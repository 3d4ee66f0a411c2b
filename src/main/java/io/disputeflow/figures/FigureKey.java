package io.disputeflow.figures;

import java.time.LocalDate;

/** One daily counter: a measure of a group of a dimension on a day in the bank's zone. */
record FigureKey(String dimension, LocalDate day, String group, String measure) {}
