package io.disputeflow.modeling;

import io.disputeflow.process.TaskInput;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;

/** The input parameters a delegate reads ({@link TaskInput} constants), with the values it accepts. */
final class DelegateInputs {

  private DelegateInputs() {}

  /** Parameter name → the values the delegate handles, in declaration order. */
  static Map<String, List<String>> of(Class<?> delegate) {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    for (Field field : ClassUtils.getUserClass(delegate).getDeclaredFields()) {
      TaskInput input = field.getAnnotation(TaskInput.class);
      if (input == null || !Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      try {
        field.setAccessible(true);
        inputs.put((String) field.get(null), input.handles().length > 0 ? List.of(input.handles())
            : Arrays.stream(input.value().getEnumConstants()).map(Enum::name).toList());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field, e);
      }
    }
    return inputs;
  }
}
