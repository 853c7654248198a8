package cn.chongchuan.safetycredit.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberMaskTest {

    @Test
    void anIdShapedNumberKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(IdNumberMask.mask("/api/v1/checks/32060219650103026X")).isEqualTo("/api/v1/checks/320602********026X");
        assertThat(IdNumberMask.mask("/api/v1/checks/320602196501030265?asOf=x&code=32061119670204711x"))
                .isEqualTo("/api/v1/checks/320602********0265?asOf=x&code=320611********711x");
        assertThat(IdNumberMask.mask("320602196501030265")).isEqualTo("320602********0265");
    }

    @Test
    void unitCodesWithLettersAndOtherNumbersAreLeftAlone() {
        assertThat(IdNumberMask.mask("/api/v1/checks/91320602MA1N2X3Y4Q")).isEqualTo("/api/v1/checks/91320602MA1N2X3Y4Q");
        assertThat(IdNumberMask.mask("/api/v1/listings/1234567890123456789")).as("19 digits").endsWith("1234567890123456789");
        assertThat(IdNumberMask.mask("/api/v1/listings/42")).isEqualTo("/api/v1/listings/42");
        assertThat(IdNumberMask.mask(null)).isNull();
    }
}
