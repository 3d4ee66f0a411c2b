package io.disputeflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API tests' shared configuration: the application without a server, requests through MockMvc, the
 * test profile (application-test.yaml: jobs run by the tests, per case, see {@link CaseWorker}). One
 * application start for all of them (once on H2, once more on PostgreSQL). A test that needs a browser,
 * the Camunda webapps or the engine REST API over HTTP uses {@link ApplicationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface ApiTest {}
