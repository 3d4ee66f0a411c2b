package io.disputeflow.engine;

import java.util.Arrays;
import java.util.Objects;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Comparing variable values as the engine stores them. */
public final class TypedValues {

  private TypedValues() {}

  /** Same type and same value; serialized values (JSON) compare by their serialized form. */
  public static boolean same(TypedValue before, TypedValue after) {
    if (before == null || after == null || !Objects.equals(before.getType(), after.getType())) {
      return before == after;
    }
    if (before instanceof SerializableValue a && after instanceof SerializableValue b) {
      return a.getValueSerialized() != null && Objects.equals(a.getValueSerialized(), b.getValueSerialized())
          && Objects.equals(a.getSerializationDataFormat(), b.getSerializationDataFormat());
    }
    if (before.getValue() instanceof byte[] a && after.getValue() instanceof byte[] b) {
      return Arrays.equals(a, b);
    }
    return Objects.equals(before.getValue(), after.getValue());
  }
}
