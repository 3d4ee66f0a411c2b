package io.disputeflow.process;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Starts the process engine only after Flyway has migrated our tables. Otherwise the engine creates
 * its ACT_ tables first and Flyway refuses the then non-empty schema; delegates also need our tables.
 * Registered in META-INF/spring.factories.
 */
class ProcessEngineDatabaseInitializationDetector
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class);
  }
}
