package cn.chongchuan.safetycredit.credit.subject;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name (or number) that ends up on the public list: no format, control, private-use or
 * unassigned characters, no bidirectional controls ({@link cn.chongchuan.safetycredit.credit.subject.domain.SubjectName}).
 * The services store {@code SubjectName.normalise(value)}.
 */
@Documented
@Constraint(validatedBy = PublicName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicName {

    String message() default "contains characters not allowed in a published name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports the offending character and its position, so the sender can find it. */
    class Validator implements ConstraintValidator<PublicName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return cn.chongchuan.safetycredit.credit.subject.domain.SubjectName.problemWith(value).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
