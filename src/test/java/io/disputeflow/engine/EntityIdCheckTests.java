package io.disputeflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** The id check fails exactly as the engine's, and renders an entity as text only when it fails. */
class EntityIdCheckTests {

  private final EntityIdCheck.CheapIdCheck ours = new EntityIdCheck.CheapIdCheck(null, null);
  private final EngineCheck engines = new EngineCheck();

  @Test
  void aValidIdPassesWithoutRenderingTheEntity() {
    CountingEntity entity = new CountingEntity("4711");

    ours.validateId(entity);

    assertThat(entity.renderings).isZero();
  }

  @Test
  void aMissingIdFailsWithTheEnginesMessage() {
    assertSameFailure(new TaskEntity());
  }

  @Test
  void theReservedIdFailsWithTheEnginesMessage() {
    TaskEntity task = new TaskEntity();
    task.setId("*");
    assertSameFailure(task);
  }

  private void assertSameFailure(DbEntity entity) {
    Throwable expected = catchFailure(() -> engines.validateId(entity));
    assertThat(expected).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> ours.validateId(entity)).isExactlyInstanceOf(expected.getClass())
        .hasMessage(expected.getMessage());
  }

  private static Throwable catchFailure(Runnable check) {
    try {
      check.run();
    } catch (RuntimeException failure) {
      return failure;
    }
    throw new AssertionError("the engine's check passed");
  }

  /** The engine's own entity manager, to compare with. */
  private static final class EngineCheck extends DbEntityManager {

    EngineCheck() {
      super(null, null);
    }

    @Override
    protected void validateId(DbEntity entity) {
      super.validateId(entity);
    }
  }

  private static final class CountingEntity implements DbEntity {

    private String id;
    private int renderings;

    CountingEntity(String id) {
      this.id = id;
    }

    @Override
    public String getId() {
      return id;
    }

    @Override
    public void setId(String id) {
      this.id = id;
    }

    @Override
    public Object getPersistentState() {
      return id;
    }

    @Override
    public String toString() {
      renderings++;
      return "CountingEntity[" + id + "]";
    }
  }
}
