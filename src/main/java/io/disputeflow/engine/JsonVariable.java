package io.disputeflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.impl.value.AbstractTypedValue;
import org.camunda.bpm.engine.variable.type.SerializableValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;

/**
 * A JSON process variable (type {@code json}, "Json" in the REST API and the webapps): a Jackson tree, held
 * as Camunda's Spin held its JSON values, and stored the same way, so those still read
 * ({@link JsonVariableSerializer}). Its text form is the compact JSON, as Spin's was.
 */
public final class JsonVariable extends AbstractTypedValue<JsonNode> implements SerializableValue {

  private static final long serialVersionUID = 1L;

  /** The data format Spin named its JSON values with: kept, so values move between the two unchanged. */
  public static final String DATA_FORMAT = "application/json";

  private String serialized;
  private final boolean deserialized;

  private JsonVariable(JsonNode value, String serialized, boolean deserialized) {
    super(value, JsonVariableType.JSON);
    this.serialized = serialized;
    this.deserialized = deserialized;
  }

  public static JsonVariable of(JsonNode value) {
    return new JsonVariable(value, value == null ? null : value.toString(), true);
  }

  /** A value as text, as the REST API and the webapps submit it; read into a tree when the engine reads it back. */
  public static JsonVariable serialized(String json) {
    return new JsonVariable(null, json, false);
  }

  @Override
  public JsonNode getValue() {
    if (!deserialized) {
      throw new IllegalStateException("The JSON value is not read yet: only its text is at hand (getValueSerialized)");
    }
    return value;
  }

  @Override
  public boolean isDeserialized() {
    return deserialized;
  }

  @Override
  public String getValueSerialized() {
    return serialized;
  }

  void setValueSerialized(String serialized) {
    this.serialized = serialized;
  }

  @Override
  public String getSerializationDataFormat() {
    return DATA_FORMAT;
  }

  @Override
  public SerializableValueType getType() {
    return JsonVariableType.JSON;
  }

  @Override
  public String toString() {
    return "JsonVariable[" + serialized + "]";
  }
}
