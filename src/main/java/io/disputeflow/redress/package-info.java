/**
 * Redress paid, not just promised: the steps of {@code redress-payment} that work out the compensation
 * a final decision grants and record the accounts department's payment or its failure. The record of the
 * payment lives with the complaint ({@code redress_payment}).
 */
package io.disputeflow.redress;
