package io.disputeflow.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a delegate's constant that names an input parameter its service task must set (the element
 * template binds it as {@code camunda:inputParameter}); {@link #value()} is the enum whose constant
 * names are the allowed values. Deployment validation refuses a task that leaves such a parameter
 * out or sets it to another value, and the template tests hold the templates to these constants.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface TaskInput {

  /** The enum the value must name a constant of. */
  Class<? extends Enum<?>> value();

  /** The constants this delegate handles, when it handles only some (empty: all). */
  String[] handles() default {};
}
