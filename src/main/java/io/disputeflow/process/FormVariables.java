package io.disputeflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a Camunda Form (form-js JSON) reads: each field's key (a field shows the variable's value
 * before its user changes it), and every name in its templates ({@code {{narrative}}}) and FEEL expressions
 * ({@code =legalNeeded = true}). Names of FEEL's keywords and functions, string literals and the properties
 * after a dot are left out; a name that is no variable of the case costs nothing.
 */
public record FormVariables(String formId, Set<String> names) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
  /** A name not after a dot or a letter, not followed by an opening parenthesis (a function). */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w(])");
  private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "and", "or", "not", "true", "false",
      "null", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");

  /** Reads one form. */
  public static FormVariables read(InputStream form) {
    try {
      JsonNode root = JSON.readTree(form);
      Set<String> names = new TreeSet<>();
      collect(root, names);
      return new FormVariables(root.path("id").asText(null), Set.copyOf(names));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (("key".equals(field.getKey()) || "path".equals(field.getKey())) && value.isTextual()
            && node.has("type")) {
          names.add(value.asText().split("\\.")[0]);
        } else if (value.isTextual()) {
          expressionNames(value.asText(), names);
        } else {
          collect(value, names);
        }
      }
    } else if (node.isArray()) {
      node.forEach(item -> collect(item, names));
    }
  }

  private static void expressionNames(String text, Set<String> names) {
    if (text.startsWith("=")) {
      namesIn(text.substring(1), names);
    }
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      namesIn(template.group(1), names);
    }
  }

  /** Adds the names in one FEEL or JUEL expression (also the texts of decision tables, {@link StageForms}). */
  static void namesIn(String expression, Set<String> names) {
    Matcher name = NAME.matcher(STRING.matcher(expression).replaceAll("\"\""));
    while (name.find()) {
      if (!FEEL_WORDS.contains(name.group(1))) {
        names.add(name.group(1));
      }
    }
  }
}
