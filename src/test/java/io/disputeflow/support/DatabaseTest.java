package io.disputeflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class whose subject depends on the database: it runs on H2 with every other test and again
 * on PostgreSQL ({@link OnPostgreSqlSuite}, which runs only the classes tagged {@value #TAG}). Put it
 * on a class that checks what our SQL or the database itself does: a query, search or report we wrote,
 * a value stored and read back (text, money, bytes, time precision), locking and concurrent requests,
 * imports, history cleanup, a restart, crash or restore, the cluster.
 * Leave it off a class that only drives models, forms, rules, pages or permissions through the
 * application: their database is the engine's, and the tagged classes run every model on PostgreSQL.
 * docs/testing.md lists the tagged classes and why.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DatabaseTest.TAG)
public @interface DatabaseTest {

  /** The JUnit tag {@link OnPostgreSqlSuite} selects. */
  String TAG = "database";
}
