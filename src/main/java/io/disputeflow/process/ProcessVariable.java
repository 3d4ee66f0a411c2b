package io.disputeflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.disputeflow.engine.CallingCase;
import io.disputeflow.engine.JsonVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable: one accessor per variable keeps names and types in one place.
 * Values are primitives, dates or JSON, never serialized Java objects.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null : value.toString(), v -> v);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toBoolean, v -> v);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, value -> (Date) value, v -> v);
  }

  /** Form number fields arrive as Long or Double: read any number, store a Long. */
  public static ProcessVariable<Long> integer(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).longValue(), v -> v);
  }

  /** Money: read any number as BigDecimal, store a Double so Tasklist forms can show it. */
  public static ProcessVariable<BigDecimal> amount(String name) {
    return new ProcessVariable<>(
        name,
        value -> value == null ? null : new BigDecimal(value.toString()),
        v -> v == null ? null : v.doubleValue());
  }

  /** A list of strings, stored as a JSON array (what a Camunda Form checklist submits): {@link JsonVariable}. */
  public static ProcessVariable<List<String>> stringList(String name) {
    return new ProcessVariable<>(name, ProcessVariable::toStringList, ProcessVariable::toJsonArray);
  }

  public String name() {
    return name;
  }

  /** The value in this scope, else in the case that called this stage ({@link CallingCase}). */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null && !scope.hasVariable(name)) {
      value = CallingCase.variable(scope, name);
    }
    return reader.apply(value);
  }

  public T from(java.util.Map<String, Object> variables) {
    return reader.apply(variables.get(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, writer.apply(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, writer.apply(value));
  }

  /** Adds this variable to a map for process start or message correlation. */
  public void put(java.util.Map<String, Object> variables, T value) {
    variables.put(name, writer.apply(value));
  }

  private static Boolean toBoolean(Object value) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    return Boolean.valueOf(value.toString());
  }

  private static List<String> toStringList(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof JsonNode json) {
      json.forEach(node -> result.add(node.asText()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(item -> result.add(item.toString()));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    }
    return result;
  }

  private static Object toJsonArray(List<String> values) {
    ArrayNode json = JsonNodeFactory.instance.arrayNode();
    values.forEach(json::add);
    return JsonVariable.of(json);
  }
}
