package cn.chongchuan.safetycredit.sanction.delivery.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryVerdictTest {

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "202,DELIVERED", "204,DELIVERED", "400,REJECTED", "401,REJECTED", "404,REJECTED",
            "410,GONE", "408,RETRY", "429,RETRY", "500,RETRY", "502,RETRY", "503,RETRY", "301,RETRY"})
    void onlyTwoHundredsDeliverAndOnlyFinalClientErrorsStopTheRetries(int status, DeliveryVerdict verdict) {
        assertThat(DeliveryVerdict.of(status)).isEqualTo(verdict);
    }
}
