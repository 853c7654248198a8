package cn.chongchuan.safetycredit.credit.subject.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeValidationTest {

    @Test
    void publishedUsccVectorsPass() {
        assertThat(UnifiedSocialCreditCode.parse("91310110666007217T", "uscc").areaCode()).isEqualTo("310110");
        assertThat(UnifiedSocialCreditCode.parse("91310115591693856a", "uscc").value()).isEqualTo("91310115591693856A");
    }

    @Test
    void aWrongUsccCheckCharacterNamesTheExpectedOne() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91310110666007217A", "unit.uscc"))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.field()).isEqualTo("unit.uscc");
                    assertThat(e.position()).isEqualTo(18);
                    assertThat(e.expected()).isEqualTo('T');
                    assertThat(e.getMessage()).isEqualTo("check character (position 18) is 'A' but should be 'T'");
                });
    }

    @Test
    void aCharacterOutsideTheUsccAlphabetIsNamed() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9131011066600I217T", "uscc"))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.position()).isEqualTo(14);
                    assertThat(e.isCheckCharacterMismatch()).isFalse();
                });
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("9131011066600721", "uscc"))
                .hasMessage("must be 18 characters, not 16");
    }

    @Test
    void thePilotCodeFailsOnlyItsCheckCharacter() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse("91350100M0001TGQXM", "uscc"))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.isCheckCharacterMismatch()).isTrue());
        assertThat(UnifiedSocialCreditCode.parseFormat("91350100M0001TGQXM", "uscc").value()).isEqualTo("91350100M0001TGQXM");
    }

    @Test
    void publishedIdVectorPassesAndIsMasked() {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002x", "idNumber");

        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id.toString()).doesNotContain("19491231");
    }

    @Test
    void aWrongIdCheckCharacterOrBirthDateIsNamed() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", "persons[0].idNumber"))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("check character (position 18) is '1' but should be 'X'");
                    assertThat(e.field()).isEqualTo("persons[0].idNumber");
                });
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194902301234", "idNumber"))
                .hasMessageContaining("date of birth");
    }
}
