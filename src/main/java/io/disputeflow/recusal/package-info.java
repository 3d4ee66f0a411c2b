/**
 * No one works on a case of their own: the engine refuses assignment and completion to an employee
 * who is the customer.
 */
package io.disputeflow.recusal;
