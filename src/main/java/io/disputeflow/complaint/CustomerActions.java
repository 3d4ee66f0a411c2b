package io.disputeflow.complaint;

import static io.disputeflow.process.ComplaintVariables.CUSTOMER_ACCEPTED;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_RESPONSE_REASON;
import static io.disputeflow.process.ComplaintVariables.RESOLUTION_OUTCOME;
import static io.disputeflow.process.ComplaintVariables.REVERIFICATION_REASON;
import static io.disputeflow.process.ComplaintVariables.SURVEY_COMMENT;
import static io.disputeflow.process.ComplaintVariables.SURVEY_SCORE;

import io.disputeflow.process.ActingUser;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's answers that channel systems pass on: each becomes a message to the waiting case. */
@Service
public class CustomerActions {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerActions.class);

  public static final String ACCEPTED = "ACCEPTED";

  private final ComplaintRepository complaints;
  private final AwaitedActions awaitedActions;
  private final ActingUser actingUser;

  CustomerActions(ComplaintRepository complaints, AwaitedActions awaitedActions, ActingUser actingUser) {
    this.complaints = complaints;
    this.awaitedActions = awaitedActions;
    this.actingUser = actingUser;
  }

  @Transactional
  public void respondToDecision(String number, boolean accepted, String reason) {
    Map<String, Object> variables = new HashMap<>();
    CUSTOMER_ACCEPTED.put(variables, accepted);
    CUSTOMER_RESPONSE_REASON.put(variables, reason);
    if (accepted) {
      RESOLUTION_OUTCOME.put(variables, ACCEPTED);
    }
    correlate(number, AwaitedAction.CUSTOMER_RESPONSE, variables);
    if (accepted) {
      complaints.updateResolutionOutcome(number, ACCEPTED);
    }
  }

  @Transactional
  public void requestReverification(String number, String reason) {
    Map<String, Object> variables = new HashMap<>();
    CUSTOMER_ACCEPTED.put(variables, false);
    REVERIFICATION_REASON.put(variables, reason);
    correlate(number, AwaitedAction.REVERIFICATION_REQUEST, variables);
  }

  @Transactional
  public void answerSurvey(String number, int score, String comment) {
    Map<String, Object> variables = new HashMap<>();
    SURVEY_SCORE.put(variables, (long) score);
    SURVEY_COMMENT.put(variables, comment);
    correlate(number, AwaitedAction.SURVEY, variables);
    complaints.updateSatisfaction(number, score, comment);
  }

  /**
   * Whether the database rolled the transaction back (SQL state class 40: a deadlock, a serialization failure)
   * or refuses further statements in it (25P02): then nothing more can be read in it.
   */
  static boolean endedByTheDatabase(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("25P02"))) {
        return true;
      }
    }
    return false;
  }

  private void correlate(String number, AwaitedAction action, Map<String, Object> variables) {
    complaints.find(number).orElseThrow(() -> new ComplaintNotFoundException(number));
    List<AwaitedAction> awaiting = awaitedActions.of(number);
    if (!awaiting.contains(action)) {
      throw new CustomerActionRefusedException(number, action, awaiting);
    }
    try {
      actingUser.correlate(action.messageName(), number, variables);
    } catch (MismatchingMessageCorrelationException e) {
      // another request answered the same wait a moment earlier
      throw new CustomerActionRefusedException(number, action, awaitedActions.of(number));
    } catch (OptimisticLockingException e) {
      // changed by another request at the same moment: a 409 as it is (on PostgreSQL this transaction
      // may be aborted, so nothing more can be read in it)
      throw e;
    } catch (RuntimeException e) {
      if (endedByTheDatabase(e)) {
        // a deadlock with the other request: PostgreSQL aborted this transaction, a 409 as for the case above
        throw new OptimisticLockingException("The case changed while this answer was taken in: " + e.getMessage());
      }
      // … or committed between the engine finding the wait and taking it ("does not have a subscription",
      // or on PostgreSQL an engine error about the execution that went in that moment)
      List<AwaitedAction> now = awaitedActions.of(number);
      if (!now.contains(action)) {
        throw new CustomerActionRefusedException(number, action, now);
      }
      LOG.warn("Correlating {} to {} failed while the case changed; nothing was stored", action, number, e);
      throw new OptimisticLockingException("The case changed while this answer was taken in: " + e.getMessage());
    }
  }
}
