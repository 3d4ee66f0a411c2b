package io.disputeflow.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.disputeflow.refusal.InvalidFieldException;
import io.disputeflow.refusal.InvalidFieldsException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Spring MVC's JSON converter (it takes the place of Spring Boot's), reading a request body to its end
 * whatever values do not fit ({@link TypeFaults}). A body with such values is refused with every field at
 * fault: those values first, in the order of the body, then what bean validation finds in the rest (or, when
 * Jackson stops at a field the API does not have, that field). Bodies that fit read, validate and answer
 * exactly as before; malformed JSON stays a "Malformed request".
 */
final class EveryFieldFaultConverter extends MappingJackson2HttpMessageConverter {

  /** The faults of the body being read on this thread, from {@link #read} to {@link #customizeReader}. */
  private static final ThreadLocal<TypeFaults> READING = new ThreadLocal<>();

  private final Validator validator;

  EveryFieldFaultConverter(ObjectMapper objectMapper, Validator validator) {
    super(objectMapper);
    this.validator = validator;
  }

  @Override
  public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
    return readNoting(() -> super.read(type, contextClass, input));
  }

  @Override
  protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
    return readNoting(() -> super.readInternal(type, input));
  }

  private interface Reading {
    Object read() throws IOException;
  }

  private Object readNoting(Reading reading) throws IOException {
    TypeFaults faults = new TypeFaults();
    READING.set(faults);
    try {
      return refusedIfFaulty(reading.read(), faults);
    } catch (HttpMessageNotReadableException stopped) {
      // Jackson stopped at a field (one the API does not have): named with those noted before it
      if (!faults.faults().isEmpty() && stopped.getCause() instanceof JsonMappingException mapping
          && !mapping.getPath().isEmpty()) {
        List<InvalidFieldException> all = new ArrayList<>(faults.faults());
        all.add(TypeFaults.fault(mapping));
        throw new InvalidFieldsException(all);
      }
      throw stopped;
    } finally {
      READING.remove();
    }
  }

  @Override
  protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
    TypeFaults faults = READING.get();
    return faults == null ? reader : reader.withHandler(faults);
  }

  private Object refusedIfFaulty(Object body, TypeFaults faults) {
    if (faults.faults().isEmpty()) {
      return body;
    }
    List<InvalidFieldException> all = new ArrayList<>(faults.faults());
    if (body != null) {
      validator.validate(body).stream()
          .filter(violation -> notYetNamed(violation, faults.faults()))
          .map(violation -> new InvalidFieldException(violation.getPropertyPath().toString(), violation.getMessage()))
          .sorted(Comparator.comparing(InvalidFieldException::field))
          .forEach(all::add);
    }
    throw new InvalidFieldsException(all);
  }

  /** A field read as empty because its value did not fit is named once, for that value. */
  private static boolean notYetNamed(ConstraintViolation<Object> violation, List<InvalidFieldException> named) {
    String field = violation.getPropertyPath().toString();
    return named.stream().noneMatch(fault -> field.equals(fault.field()) || field.startsWith(fault.field() + ".")
        || field.startsWith(fault.field() + "["));
  }
}
