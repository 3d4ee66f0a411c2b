/**
 * Who may do what: the API's access rules, engine authorizations, sign-in for browsers, masking of
 * personal data.
 */
package io.disputeflow.security;
