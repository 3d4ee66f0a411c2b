package io.disputeflow.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.refusal.InvalidFieldsException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Spring MVC's JSON converter (it takes the place of Spring Boot's), reading a request body to its end
 * whatever values do not fit ({@link TypeFaults}). A body with such values is refused with every field at
 * fault: those values first, in the order of the body, then the fields the API does not have, then what bean
 * validation finds in the rest. Bodies that fit read, validate and answer exactly as before; malformed JSON
 * stays a "Malformed request".
 */
final class EveryFieldFaultConverter extends MappingJackson2HttpMessageConverter {

  /** A body with more unknown fields than this is refused naming the first one only, as Jackson stops at it. */
  private static final int MAX_UNKNOWN_FIELDS = 50;

  /** The faults of the body being read on this thread, from {@link #read} to {@link #customizeReader}. */
  private static final ThreadLocal<TypeFaults> READING = new ThreadLocal<>();

  private final Validator validator;

  EveryFieldFaultConverter(ObjectMapper objectMapper, Validator validator) {
    super(objectMapper);
    this.validator = validator;
  }

  @Override
  public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
    byte[] body = input.getBody().readAllBytes();
    return readNoting(getJavaType(type, contextClass), body,
        () -> super.read(type, contextClass, buffered(input, body)));
  }

  @Override
  protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
    byte[] body = input.getBody().readAllBytes();
    return readNoting(getJavaType(type, null), body, () -> super.readInternal(type, buffered(input, body)));
  }

  private interface Reading {
    Object read() throws IOException;
  }

  private Object readNoting(JavaType type, byte[] bytes, Reading reading) throws IOException {
    TypeFaults faults = new TypeFaults();
    READING.set(faults);
    try {
      Object body = reading.read();
      if (faults.faults().isEmpty()) {
        return body;
      }
      throw refusal(body, faults.faults());
    } catch (HttpMessageNotReadableException stopped) {
      if (stopped.getCause() instanceof UnrecognizedPropertyException) {
        throw withEveryUnknownField(type, bytes, stopped);
      }
      throw stopped;
    } finally {
      READING.remove();
    }
  }

  /**
   * Jackson stops at a field the API does not have, and a record's it meets only when it reads them back from
   * a buffer, where the parser no longer tells their place. So the body is read again as a tree, without each
   * such field Jackson names (its path is exact), until none is left: the refusal then names the values that
   * did not fit, the unknown fields and the rules the rest breaks.
   */
  private RuntimeException withEveryUnknownField(JavaType type, byte[] bytes, HttpMessageNotReadableException stopped) {
    List<InvalidFieldException> unknown = new ArrayList<>();
    try {
      JsonNode tree = getObjectMapper().readTree(bytes);
      for (int field = 0; field < MAX_UNKNOWN_FIELDS; field++) {
        TypeFaults faults = new TypeFaults();
        try {
          Object body = getObjectMapper().readerFor(type).withHandler(faults).readValue(tree);
          List<InvalidFieldException> all = new ArrayList<>(faults.faults());
          all.addAll(unknown);
          return refusal(body, all);
        } catch (UnrecognizedPropertyException notKnown) {
          unknown.add(TypeFaults.fault(notKnown));
          if (!removed(tree, notKnown.getPath())) {
            return stopped;
          }
        }
      }
    } catch (IOException e) {
      // read once already: what it stopped at is the answer
    }
    return stopped;
  }

  private static boolean removed(JsonNode tree, List<JsonMappingException.Reference> path) {
    JsonNode node = tree;
    for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
      node = step.getFieldName() != null ? node.get(step.getFieldName()) : node.get(step.getIndex());
      if (node == null) {
        return false;
      }
    }
    String name = path.get(path.size() - 1).getFieldName();
    return node instanceof ObjectNode object && name != null && object.remove(name) != null;
  }

  private static HttpInputMessage buffered(HttpInputMessage input, byte[] body) {
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }

  @Override
  protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
    TypeFaults faults = READING.get();
    return faults == null ? reader : reader.withHandler(faults);
  }

  /** Every fault noted while reading, then what bean validation finds in the fields that read well. */
  private InvalidFieldsException refusal(Object body, List<InvalidFieldException> faults) {
    List<InvalidFieldException> all = new ArrayList<>(faults);
    if (body != null) {
      validator.validate(body).stream()
          .filter(violation -> notYetNamed(violation, faults))
          .map(violation -> new InvalidFieldException(violation.getPropertyPath().toString(), violation.getMessage()))
          .sorted(Comparator.comparing(InvalidFieldException::field))
          .forEach(all::add);
    }
    return new InvalidFieldsException(all);
  }

  /** A field read as empty because its value did not fit is named once, for that value. */
  private static boolean notYetNamed(ConstraintViolation<Object> violation, List<InvalidFieldException> named) {
    String field = violation.getPropertyPath().toString();
    return named.stream().noneMatch(fault -> field.equals(fault.field()) || field.startsWith(fault.field() + ".")
        || field.startsWith(fault.field() + "["));
  }
}
