package cn.chongchuan.safetycredit.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberMaskTest {

    private static final String ID = "320602196501030265";

    @Test
    void anIdShapedNumberKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(IdNumberMask.mask("/api/v1/checks/32060219650103026X")).isEqualTo("/api/v1/checks/320602********026X");
        assertThat(IdNumberMask.mask("/api/v1/checks/320602196501030265?asOf=x&code=32061119670204711x"))
                .isEqualTo("/api/v1/checks/320602********0265?asOf=x&code=320611********711x");
        assertThat(IdNumberMask.mask(ID)).isEqualTo("320602********0265");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/checks/%20" + ID, // a space pasted before it
            "/api/v1/checks/%E3%80%80" + ID, // a full-width space
            "/api/v1/checks/%09" + ID,
            "/api/v1/checks/ID" + ID, // glued to letters
            "/api/v1/checks/" + ID + "abc",
            "/api/v1/checks/0" + ID, // glued to more digits
            "/api/v1/checks/%33%32%30%36%30%32%31%39%36%35%30%31%30%33%30%32%36%35", // every digit escaped
            "/api/v1/checks/%ZZ%33%32%30%36%30%32%31%39%36%35%30%31%30%33%30%32%36%35", // and a malformed escape
            "/api/v1/checks/32060219650103026%58", // the check character escaped
            "/api/v1/checks/32060219650103026", // its last character missing
    })
    void noSpellingOfANumberGetsItPastTheMask(String path) {
        String masked = IdNumberMask.mask(path);

        assertThat(masked).doesNotContain(ID).doesNotContain("19650103").doesNotContain("32060219650103026");
        assertThat(masked).contains("*******");
    }

    @Test
    void unitCodesWithLettersAndShortNumbersAreLeftAlone() {
        assertThat(IdNumberMask.mask("/api/v1/checks/91320602MA1N2X3Y4Q")).isEqualTo("/api/v1/checks/91320602MA1N2X3Y4Q");
        assertThat(IdNumberMask.mask("/api/v1/checks/91310110666007217T")).as("17 digits and a check letter")
                .isEqualTo("/api/v1/checks/91310110666007217T");
        assertThat(IdNumberMask.mask("/api/v1/listings/1234567890123456")).as("16 digits").endsWith("1234567890123456");
        assertThat(IdNumberMask.mask("/api/v1/listings/42")).isEqualTo("/api/v1/listings/42");
        assertThat(IdNumberMask.mask("/api/v1/public/listings?name=%E5%B4%87%E5%B7%9D"))
                .isEqualTo("/api/v1/public/listings?name=崇川");
        assertThat(IdNumberMask.mask(null)).isNull();
    }
}
