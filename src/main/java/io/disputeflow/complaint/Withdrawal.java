package io.disputeflow.complaint;

import java.time.OffsetDateTime;

/**
 * The customer's withdrawal (撤回) of a complaint: why, who passed it on (a channel system or the
 * coordinator who took the call), when, the stage the case was in and the open tasks it ended.
 */
public record Withdrawal(String reason, String withdrawnBy, OffsetDateTime withdrawnAt, Stage stage, String endedTasks) {}
