/**
 * The report figures kept per day as complaints change: every write to a complaint publishes
 * complaint.ComplaintChanged, {@link io.disputeflow.figures.ComplaintFigures} counts the difference it
 * makes in the same transaction, {@link io.disputeflow.figures.FigureFolder} folds the differences into
 * the daily counters and the monthly ones, and {@link io.disputeflow.figures.DailyFigures} sums them
 * for the reports.
 */
package io.disputeflow.figures;
