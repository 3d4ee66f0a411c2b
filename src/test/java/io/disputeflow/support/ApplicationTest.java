package io.disputeflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application tests' one shared configuration, so the build starts the application once for them all
 * (once on H2, once more on PostgreSQL): a real port (for browsers, the engine REST API and HTTP clients)
 * and MockMvc beside it, the test profile (application-test.yaml: jobs run by the tests, per case, see
 * {@link CaseWorker}), and a history retention other than the models' P1096D, so HistoryRetentionTests
 * shows that the configured one wins.
 *
 * <p>A class that needs a context of its own (its own database for counts over every case, a mail server
 * port) says why beside its own annotations; every such class costs one more application start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "disputeflow.retention=P1500D")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface ApplicationTest {}
