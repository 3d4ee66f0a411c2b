package io.disputeflow.correspondence;

/** A letter with its text: what the customer got by e-mail, or what is to be printed and posted. */
public record LetterCopy(Letter letter, String subject, String body) {}
