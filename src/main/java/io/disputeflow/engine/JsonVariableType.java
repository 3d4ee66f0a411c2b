package io.disputeflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.impl.type.AbstractValueTypeImpl;
import org.camunda.bpm.engine.variable.type.SerializableValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The value type {@code json}, under the name Camunda's Spin gave it: what the REST API and Tasklist call "Json". */
final class JsonVariableType extends AbstractValueTypeImpl implements SerializableValueType {

  private static final long serialVersionUID = 1L;

  static final JsonVariableType JSON = new JsonVariableType();

  private JsonVariableType() {
    super("json");
  }

  @Override
  public boolean isPrimitiveValueType() {
    return false;
  }

  @Override
  public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
    JsonVariable json = JsonVariable.of((JsonNode) value);
    json.setTransient(valueInfo != null && Boolean.TRUE.equals(isTransient(valueInfo)));
    return json;
  }

  @Override
  public SerializableValue createValueFromSerialized(String serializedValue, Map<String, Object> valueInfo) {
    JsonVariable json = JsonVariable.serialized(serializedValue);
    json.setTransient(valueInfo != null && Boolean.TRUE.equals(isTransient(valueInfo)));
    return json;
  }

  @Override
  public Map<String, Object> getValueInfo(TypedValue typedValue) {
    Map<String, Object> valueInfo = new HashMap<>();
    if (typedValue.isTransient()) {
      valueInfo.put(VALUE_INFO_TRANSIENT, true);
    }
    return valueInfo;
  }
}
