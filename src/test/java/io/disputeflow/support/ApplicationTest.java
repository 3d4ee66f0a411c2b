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
 * The shared configuration of the tests that need the application on a real port (browsers, the Camunda
 * webapps' sign-in, the engine REST API, HTTP clients), with MockMvc beside it, the test profile, and a
 * history retention other than the models' P1096D, so HistoryRetentionTests shows that the configured one
 * wins. One application start for all of them (once on H2, once more on PostgreSQL); the API tests share
 * {@link ApiTest}.
 *
 * <p>Kept apart from {@link ApiTest} so far: merged into one, every Camunda webapp sign-in of a full build
 * answered 500 (5 December 2026). The cause: the merged application started before RestartTests, whose
 * applications then overwrote the webapps' starter's static application context (LazyInitRegistration), from
 * which the webapps' filters initialise. RestartTests and the cluster's in-JVM nodes now start their
 * applications without the webapps ({@link ApplicationEngine#WITHOUT_WEBAPPS}). Merged again (6 December 2026),
 * TasklistBrowserTests no longer found its new case on the first page of cora's My group filter, which then also
 * held every API test's complaints: the browser tests must find their case however full the group is first.
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
