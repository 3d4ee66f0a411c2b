/**
 * The customer's withdrawal of a complaint (撤回): the API and the Tasklist start form that pass it on,
 * and the step of the case's event subprocess that records it and confirms it by letter. The record of a
 * withdrawal lives with the complaint ({@code complaint_withdrawal}).
 */
package io.disputeflow.withdrawal;
