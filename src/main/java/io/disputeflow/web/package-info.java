/**
 * problem+json answers for every error of the API. Nothing depends on it.
 */
package io.disputeflow.web;
