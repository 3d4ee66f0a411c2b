package io.disputeflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.util.ClassUtil;
import io.disputeflow.refusal.InvalidFieldException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The values of one request body that do not fit their field's type (a word where a channel is expected, a
 * date that is none, text where an object is expected), noted field by field while Jackson reads on with an
 * empty value in their place. Jackson alone stops at the first, so a client would learn of its faults one
 * request at a time. A field the API does not have still stops the reading: Jackson names its path exactly,
 * where a handler could not (a record's unknown fields are read back from a buffer whose position no longer
 * tells it); {@link EveryFieldFaultConverter} reads on without it.
 */
final class TypeFaults extends DeserializationProblemHandler {

  private final List<InvalidFieldException> faults = new ArrayList<>();

  List<InvalidFieldException> faults() {
    return faults;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
      String failureMessage) {
    return fault(context.getParser(), targetType, reason(targetType));
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
      String failureMessage) {
    return fault(context.getParser(), targetType, reason(targetType));
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
      JsonParser parser, String failureMessage) throws IOException {
    Object empty = fault(parser, targetType.getRawClass(), reason(targetType.getRawClass()));
    if (empty != NOT_HANDLED) {
      // the empty value stands for the whole unexpected one: an object or array is passed over
      parser.skipChildren();
    }
    return empty;
  }

  /**
   * The empty value read on with: null, or a primitive's default (the request is refused all the same). A body
   * that is no object at all is left to Jackson: that is malformed, not a field's fault.
   */
  private Object fault(JsonParser parser, Class<?> targetType, String reason) {
    String field = path(parser.getParsingContext());
    if (field.isEmpty()) {
      return NOT_HANDLED;
    }
    faults.add(new InvalidFieldException(field, reason));
    return targetType.isPrimitive() ? ClassUtil.defaultValue(targetType) : null;
  }

  private static String reason(Class<?> targetType) {
    if (targetType.isEnum()) {
      return "must be one of " + Arrays.toString(targetType.getEnumConstants());
    }
    return "must be a valid " + targetType.getSimpleName();
  }

  /** The fault Jackson stopped at (a field the API does not have), named as the ones noted here. */
  static InvalidFieldException fault(JsonMappingException mapping) {
    String field = mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    return new InvalidFieldException(field, reason(mapping));
  }

  private static String reason(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
      return reason(format.getTargetType());
    }
    return "has an invalid value";
  }

  /** customer.name, items[2].amount: as bean validation names a field. */
  private static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
      if (level.inArray()) {
        parts.push("[" + level.getCurrentIndex() + "]");
      } else if (level.getCurrentName() != null) {
        parts.push(level.getCurrentName());
      }
    }
    return String.join(".", parts).replace(".[", "[");
  }
}
