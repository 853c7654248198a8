package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.problem.ProblemTranslator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers a code that fails its format or check character as 400, naming the field, the position and the expected check character. */
@Component
class InvalidCodeProblems implements ProblemTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        if (failure instanceof InvalidCodeException code) {
            ApiException problem = new ApiException(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid code",
                    code.field() + " " + code.getMessage())
                    .with("errors", List.of(new FieldError(code.field(), code.getMessage())));
            if (code.position() > 0) {
                problem.with("position", code.position());
            }
            if (code.expected() != null) {
                problem.with("expectedCheckCharacter", String.valueOf(code.expected()));
            }
            return Optional.of(problem);
        }
        return Optional.empty();
    }
}
