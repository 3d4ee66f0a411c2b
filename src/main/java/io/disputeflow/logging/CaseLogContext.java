package io.disputeflow.logging;

import org.slf4j.MDC;

/**
 * The case and the acting user of every log line written while a request or a job handles a case
 * (MDC keys {@value #COMPLAINT} and {@value #USER}): structured logs carry them as fields, so an operator
 * finds every line of one case or one user. A scope puts a value and gives the previous one back when
 * closed, so nested scopes (an import's user, then each row's case) and pooled threads stay clean.
 */
public final class CaseLogContext {

  /** The complaint number; the engine puts a process's business key, the same number, under this key too. */
  public static final String COMPLAINT = "complaintNumber";
  /** The user or channel system on whose behalf the line was written. */
  public static final String USER = "user";

  private CaseLogContext() {}

  /** Put back when closed; closing never throws. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  public static Scope complaint(String complaintNumber) {
    return put(COMPLAINT, complaintNumber);
  }

  public static Scope actingUser(String user) {
    return put(USER, user);
  }

  private static Scope put(String key, String value) {
    String previous = MDC.get(key);
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
    return () -> {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    };
  }
}
