package io.disputeflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.StringUtil;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractSerializableValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;

/**
 * Stores {@link JsonVariable}s exactly as Camunda's Spin stored its JSON values: under the serializer name
 * {@code json}, the JSON text in the variable's byte array in the engine's charset, nothing else. So a
 * database written with Spin reads here, and one written here reads with Spin, on either engine.
 */
final class JsonVariableSerializer extends AbstractSerializableValueSerializer<JsonVariable> {

  static final String NAME = "json";

  private static final ObjectMapper JSON = new ObjectMapper();

  JsonVariableSerializer() {
    super(JsonVariableType.JSON, JsonVariable.DATA_FORMAT);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public JsonVariable convertToTypedValue(UntypedValueImpl untypedValue) {
    JsonVariable json = JsonVariable.of((JsonNode) untypedValue.getValue());
    json.setTransient(untypedValue.isTransient());
    return json;
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    return value instanceof JsonNode;
  }

  @Override
  protected byte[] serializeToByteArray(Object deserializedObject) {
    return StringUtil.toByteArray(deserializedObject.toString());
  }

  @Override
  protected Object deserializeFromByteArray(byte[] bytes, ValueFields valueFields) throws Exception {
    return JSON.readTree(StringUtil.fromBytes(bytes));
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  @Override
  protected JsonVariable createDeserializedValue(Object deserializedObject, String serializedStringValue,
      ValueFields valueFields, boolean asTransientValue) {
    JsonVariable json = JsonVariable.of((JsonNode) deserializedObject);
    json.setValueSerialized(serializedStringValue);
    json.setTransient(asTransientValue);
    return json;
  }

  @Override
  protected JsonVariable createSerializedValue(String serializedStringValue, ValueFields valueFields,
      boolean asTransientValue) {
    JsonVariable json = JsonVariable.serialized(serializedStringValue);
    json.setTransient(asTransientValue);
    return json;
  }

  @Override
  protected void writeToValueFields(JsonVariable value, ValueFields valueFields, byte[] serializedValue) {
    valueFields.setByteArrayValue(serializedValue);
  }

  @Override
  protected void updateTypedValue(JsonVariable value, String serializedStringValue) {
    value.setValueSerialized(serializedStringValue);
  }
}
