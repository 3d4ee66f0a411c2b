package io.disputeflow.correspondence;

/** A letter as the customer reads it. */
record RenderedLetter(String subject, String body) {}
