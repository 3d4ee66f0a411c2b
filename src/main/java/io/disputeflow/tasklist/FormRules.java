package io.disputeflow.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Camunda Form asks of its fields, as Tasklist checks it in the browser: required fields,
 * the options of a select, radio, checklist or tag list, and the longest text. Fields shown only
 * under a condition are not required here: the condition is the form's (FEEL), not ours to judge.
 */
record FormRules(List<Field> fields) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MULTIPLE = Set.of("checklist", "taglist");

  /** One field: its variable, label, whether it must be given, its options (null: free), longest text, range. */
  record Field(String key, String label, boolean required, Set<String> options, boolean multiple,
      Integer maxLength, Double min, Double max) {

    /** What is wrong with the value the task completes with, or null. */
    String problem(Object value) {
      List<String> values = values(value);
      if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
        return required ? "is required" : null;
      }
      if (options != null) {
        for (String given : values) {
          if (!options.contains(given)) {
            return "'" + given + "' is not one of " + options;
          }
        }
      }
      if (maxLength != null && values.stream().anyMatch(given -> given.length() > maxLength)) {
        return "is longer than " + maxLength + " characters";
      }
      if (value instanceof Number number && (min != null && number.doubleValue() < min
          || max != null && number.doubleValue() > max)) {
        return max == null ? "must be at least " + number(min) : min == null ? "must be at most " + number(max)
            : "must be from " + number(min) + " to " + number(max);
      }
      return null;
    }

    private static String number(double value) {
      return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private List<String> values(Object value) {
      if (value == null) {
        return List.of();
      }
      List<String> values = new ArrayList<>();
      if (value instanceof JsonNode json && json.isArray()) {
        json.forEach(element -> values.add(element.isTextual() ? element.textValue() : element.toString()));
      } else if (value instanceof Collection<?> collection && multiple) {
        collection.forEach(element -> values.add(String.valueOf(element)));
      } else {
        values.add(value instanceof JsonNode json && json.isTextual() ? json.textValue() : String.valueOf(value));
      }
      return values;
    }
  }

  static FormRules read(InputStream form) throws IOException {
    List<Field> fields = new ArrayList<>();
    collect(JSON.readTree(form), fields);
    return new FormRules(fields);
  }

  private static void collect(JsonNode container, List<Field> fields) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("conditional")) {
        continue; // hidden under a condition: neither it nor what it contains is always asked
      }
      String key = component.path("key").asText(null);
      if (key != null && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean()) {
        JsonNode validate = component.path("validate");
        Set<String> options = null;
        if (component.has("values")) {
          options = new LinkedHashSet<>();
          for (JsonNode option : component.get("values")) {
            options.add(option.path("value").asText());
          }
        }
        fields.add(new Field(key, component.path("label").asText(key), validate.path("required").asBoolean(),
            options, MULTIPLE.contains(component.path("type").asText()),
            validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
            validate.has("min") ? validate.get("min").asDouble() : null,
            validate.has("max") ? validate.get("max").asDouble() : null));
      }
      collect(component, fields);
    }
  }
}
