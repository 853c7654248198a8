package cn.chongchuan.safetycredit.credit.subject.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeGeneratorProperties {

    @Property(tries = 300)
    void generatedUsccPassesAndAnySingleCharacterChangeFails(@ForAll long seed, @ForAll @IntRange(max = 17) int position,
            @ForAll("usccCharacters") char replacement) {
        String code = new CodeGenerator(new Random(seed)).uscc("320602");
        UnifiedSocialCreditCode.parse(code, "uscc");

        if (code.charAt(position) != replacement) {
            String changed = code.substring(0, position) + replacement + code.substring(position + 1);
            assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(changed, "uscc")).isInstanceOf(InvalidCodeException.class);
        }
    }

    @Property(tries = 300)
    void generatedIdPassesAndAnySingleCharacterChangeFails(@ForAll long seed, @ForAll @IntRange(max = 17) int position,
            @ForAll("idCharacters") char replacement) {
        String id = new CodeGenerator(new Random(seed)).residentId("320602", LocalDate.of(1980, 1, 1).plusDays(Math.floorMod(seed, 10000)));
        ResidentIdNumber.parse(id, "idNumber");

        if (id.charAt(position) != replacement) {
            String changed = id.substring(0, position) + replacement + id.substring(position + 1);
            assertThatThrownBy(() -> ResidentIdNumber.parse(changed, "idNumber")).isInstanceOf(InvalidCodeException.class);
        }
    }

    @Property(tries = 300)
    void aGeneratedIdIsNeverAUnitCodeAndAnEitherCodeIsBoth(@ForAll long seed, @ForAll @IntRange(max = 30000) int days) {
        CodeGenerator codes = new CodeGenerator(new Random(seed));
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(days);

        String id = codes.residentId("320602", born);
        String either = codes.eitherCode("320602", born);

        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(id, "code")).isInstanceOf(InvalidCodeException.class);
        ResidentIdNumber.parse(either, "code");
        UnifiedSocialCreditCode.parse(either, "code");
    }

    @Provide
    Arbitrary<Character> usccCharacters() {
        return Arbitraries.of(UnifiedSocialCreditCode.ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    @Provide
    Arbitrary<Character> idCharacters() {
        return Arbitraries.of("0123456789X".chars().mapToObj(c -> (char) c).toList());
    }
}
