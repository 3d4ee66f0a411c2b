/**
 * The regulatory clock: the regime of a complaint, its deadline policy and calendars, periods
 * counted as the law counts, extensions, pauses, warnings, escalations and the 核查 window.
 */
package io.disputeflow.deadline;
