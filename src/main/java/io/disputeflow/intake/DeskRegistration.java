package io.disputeflow.intake;

import static io.disputeflow.process.ComplaintRegistrationProcess.CUSTOMER_EMAIL;
import static io.disputeflow.process.ComplaintRegistrationProcess.CUSTOMER_ID;
import static io.disputeflow.process.ComplaintRegistrationProcess.CUSTOMER_PHONE;
import static io.disputeflow.process.ComplaintRegistrationProcess.ON_BEHALF;
import static io.disputeflow.process.ComplaintRegistrationProcess.PREFERRED_LANGUAGE;
import static io.disputeflow.process.ComplaintRegistrationProcess.REPRESENTATIVE_ADDRESS;
import static io.disputeflow.process.ComplaintRegistrationProcess.REPRESENTATIVE_EMAIL;
import static io.disputeflow.process.ComplaintRegistrationProcess.REPRESENTATIVE_NAME;
import static io.disputeflow.process.ComplaintRegistrationProcess.REPRESENTATIVE_PHONE;
import static io.disputeflow.process.ComplaintRegistrationProcess.REPRESENTATIVE_RELATION;
import static io.disputeflow.process.ComplaintVariables.CHANNEL;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_NAME;
import static io.disputeflow.process.ComplaintVariables.CUSTOMER_VULNERABLE;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_AMOUNT;
import static io.disputeflow.process.ComplaintVariables.DISPUTED_CURRENCY;
import static io.disputeflow.process.ComplaintVariables.ISSUE;
import static io.disputeflow.process.ComplaintVariables.NARRATIVE;
import static io.disputeflow.process.ComplaintVariables.PRODUCT;

import io.disputeflow.complaint.Channel;
import io.disputeflow.complaint.Product;
import io.disputeflow.representative.RepresentativeDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The Tasklist start form "Register complaint" as the body POST /api/complaints takes
 * ({@link ComplaintSubmission}), checked by the same bean validation; a problem names the form's
 * field (label and key), not the API's JSON path.
 */
final class DeskRegistration {

  /** Where a complaint reaches a person who registers it in Tasklist. */
  static final Set<Channel> DESK_CHANNELS = Set.of(Channel.BRANCH, Channel.PHONE);

  /** The API's property path → the form field's key and label. */
  private static final Map<String, String[]> FIELDS = fields();

  private static Map<String, String[]> fields() {
    Map<String, String[]> fields = new LinkedHashMap<>();
    fields.put("channel", new String[] {CHANNEL.name(), "Received / 受理方式"});
    fields.put("customer.name", new String[] {CUSTOMER_NAME.name(), "Customer name / 客户姓名"});
    fields.put("customer.customerId", new String[] {CUSTOMER_ID.name(), "Customer number / 客户号"});
    fields.put("customer.phone", new String[] {CUSTOMER_PHONE.name(), "Phone / 联系电话"});
    fields.put("customer.email", new String[] {CUSTOMER_EMAIL.name(), "Email / 电子邮箱"});
    fields.put("customer.preferredLanguage", new String[] {PREFERRED_LANGUAGE.name(), "Letters in / 函件语言"});
    fields.put("product", new String[] {PRODUCT.name(), "Product / 产品"});
    fields.put("issue", new String[] {ISSUE.name(), "Issue / 投诉事项"});
    fields.put("narrative", new String[] {NARRATIVE.name(), "Customer's account / 客户陈述"});
    fields.put("disputedAmount.amount", new String[] {DISPUTED_AMOUNT.name(), "Disputed amount / 争议金额"});
    fields.put("disputedAmount.currency", new String[] {DISPUTED_CURRENCY.name(), "Currency / 币种"});
    fields.put("representative.name", new String[] {REPRESENTATIVE_NAME.name(), "Representative's name / 代理人姓名"});
    fields.put("representative.relation", new String[] {REPRESENTATIVE_RELATION.name(),
        "Relation to the customer / 与客户关系"});
    fields.put("representative.phone", new String[] {REPRESENTATIVE_PHONE.name(), "Representative's phone / 代理人电话"});
    fields.put("representative.email", new String[] {REPRESENTATIVE_EMAIL.name(), "Representative's email / 代理人电子邮箱"});
    fields.put("representative.address", new String[] {REPRESENTATIVE_ADDRESS.name(),
        "Representative's postal address / 代理人通讯地址"});
    fields.put("representative.emailOrAddress", new String[] {REPRESENTATIVE_EMAIL.name(),
        "Representative's email / 代理人电子邮箱"});
    return fields;
  }

  /** A field at fault: the form's key and label, and what is wrong. */
  record Problem(String key, String label, String message) {

    @Override
    public String toString() {
      return label + " (" + key + ") " + message;
    }
  }

  private DeskRegistration() {}

  /** The submission the form's values make, or the problems of every field at fault. */
  static Result read(VariableScope form, Validator validator) {
    List<Problem> problems = new ArrayList<>();
    Channel channel = option(form.getVariable(CHANNEL.name()), "channel", DESK_CHANNELS.stream()
        .sorted().toArray(Channel[]::new), problems);
    Product product = option(form.getVariable(PRODUCT.name()), "product", Product.values(), problems);
    BigDecimal amount = null;
    try {
      amount = DISPUTED_AMOUNT.get(form);
    } catch (NumberFormatException notANumber) {
      problems.add(problem("disputedAmount.amount", "must be a number"));
    }
    String currency = blankToNull(DISPUTED_CURRENCY.get(form));
    var customer = new ComplaintSubmission.Customer(blankToNull(CUSTOMER_ID.get(form)), CUSTOMER_NAME.get(form),
        blankToNull(CUSTOMER_PHONE.get(form)), blankToNull(CUSTOMER_EMAIL.get(form)),
        blankToNull(PREFERRED_LANGUAGE.get(form)), null, Boolean.TRUE.equals(CUSTOMER_VULNERABLE.get(form)));
    // on the customer's behalf: the representative goes through the same checks as the API's
    var representative = Boolean.TRUE.equals(ON_BEHALF.get(form)) ? new RepresentativeDetails(
        REPRESENTATIVE_NAME.get(form), blankToNull(REPRESENTATIVE_RELATION.get(form)),
        blankToNull(REPRESENTATIVE_PHONE.get(form)), blankToNull(REPRESENTATIVE_EMAIL.get(form)),
        blankToNull(REPRESENTATIVE_ADDRESS.get(form)), null) : null;
    var submission = new ComplaintSubmission(channel, null, null, customer, product, ISSUE.get(form),
        NARRATIVE.get(form), amount == null ? null : new ComplaintSubmission.Money(amount, currency == null ? "CNY" : currency),
        false, null, null, null, null, representative, null);
    Set<ConstraintViolation<ComplaintSubmission>> violations = validator.validate(submission);
    violations.stream()
        // channel and product: option() has already said what is wrong (required, or not an option)
        .filter(v -> !Set.of("channel", "product").contains(v.getPropertyPath().toString()))
        .forEach(v -> problems.add(problem(v.getPropertyPath().toString(), v.getMessage())));
    problems.sort(Comparator.comparing(p -> keyOrder(p.key())));
    return new Result(problems.isEmpty() ? submission : null, List.copyOf(problems));
  }

  record Result(ComplaintSubmission submission, List<Problem> problems) {}

  private static <E extends Enum<E>> E option(Object value, String path, E[] allowed, List<Problem> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add(problem(path, "is required"));
      return null;
    }
    return Arrays.stream(allowed).filter(option -> option.name().equals(value.toString())).findFirst()
        .orElseGet(() -> {
          problems.add(problem(path, "'" + value + "' is not one of " + Arrays.toString(allowed)));
          return null;
        });
  }

  private static Problem problem(String path, String message) {
    String[] field = FIELDS.getOrDefault(path, new String[] {path, path});
    return new Problem(field[0], field[1], message);
  }

  private static int keyOrder(String key) {
    int index = 0;
    for (String[] field : FIELDS.values()) {
      if (field[0].equals(key)) {
        return index;
      }
      index++;
    }
    return index;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
