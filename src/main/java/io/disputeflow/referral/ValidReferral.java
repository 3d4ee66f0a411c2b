package io.disputeflow.referral;

import io.disputeflow.time.BankTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** The API's referral body: every field at fault is named ({@link ReferralRequest#problems}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidReferral.Check.class)
@interface ValidReferral {

  String message() default "is not a valid referral";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Built by Spring's validator factory, so it reads the application's clock and zone. */
  class Check implements ConstraintValidator<ValidReferral, ReferralRequest> {

    private final Clock clock;
    private final ZoneId zone;

    Check(Clock clock, BankTime bankTime) {
      this.clock = clock;
      this.zone = bankTime.zone();
    }

    @Override
    public boolean isValid(ReferralRequest request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      Map<String, String> problems = request.problems(OffsetDateTime.now(clock), zone);
      if (problems.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      problems.forEach((field, message) -> context.buildConstraintViolationWithTemplate(message.replace("{", "\\{"))
          .addPropertyNode(field).addConstraintViolation());
      return false;
    }
  }
}
