/**
 * A complaint in: validation, duplicate check, numbering, classification and the start of its
 * case, from the API and from Tasklist's registration form.
 */
package io.disputeflow.intake;
