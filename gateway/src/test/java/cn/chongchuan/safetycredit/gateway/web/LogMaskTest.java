package cn.chongchuan.safetycredit.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskTest {

    @Test
    void anIdShapedNumberKeepsItsFirstSixAndLastFourCharacters() {
        assertThat(LogMask.mask("/api/v1/checks/32060219650103026X")).isEqualTo("/api/v1/checks/320602********026X");
        assertThat(LogMask.mask("/api/v1/checks/320602196501030265?asOf=x&code=32061119670204711x"))
                .isEqualTo("/api/v1/checks/320602********0265?asOf=x&code=320611********711x");
        assertThat(LogMask.mask("320602196501030265")).isEqualTo("320602********0265");
    }

    @Test
    void unitCodesWithLettersAndOtherNumbersAreLeftAlone() {
        assertThat(LogMask.mask("/api/v1/checks/91320602MA1N2X3Y4Q")).isEqualTo("/api/v1/checks/91320602MA1N2X3Y4Q");
        assertThat(LogMask.mask("/api/v1/listings/1234567890123456789")).as("19 digits").endsWith("1234567890123456789");
        assertThat(LogMask.mask("/api/v1/listings/42")).isEqualTo("/api/v1/listings/42");
        assertThat(LogMask.mask(null)).isNull();
    }
}
