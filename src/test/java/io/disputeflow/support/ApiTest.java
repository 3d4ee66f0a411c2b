package io.disputeflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API tests: requests through MockMvc, the test profile (application-test.yaml: jobs run by the tests, per
 * case, see {@link CaseWorker}). They share the one application of {@link ApplicationTest} (its port unused
 * here): one application start for both kinds of test, once on H2 and once more on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest
public @interface ApiTest {}
