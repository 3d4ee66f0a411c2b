/**
 * What coordinators see in Tasklist: task names, display variables, filters, start forms, form
 * rules and error messages.
 */
package io.disputeflow.tasklist;
