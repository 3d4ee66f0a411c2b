package io.disputeflow.intake;

import java.util.List;

/** What the classification decisions say about a complaint. */
public record Classification(String category, String priority, List<String> departments, boolean legalNeeded) {}
