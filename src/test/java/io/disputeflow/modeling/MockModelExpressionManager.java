package io.disputeflow.modeling;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The process tests' expression manager (camunda.cfg.xml): the application's own, with the beans a
 * test registers in {@link Mocks} instead of the Spring context, so every process test runs its
 * model under the same allow-list as production.
 */
public class MockModelExpressionManager extends ModelExpressionManager {

  public MockModelExpressionManager() {
    super(Mocks::get);
  }
}
