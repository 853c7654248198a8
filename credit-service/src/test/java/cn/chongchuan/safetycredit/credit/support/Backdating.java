package cn.chongchuan.safetycredit.credit.support;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;

import java.time.LocalDate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For scenarios set in the past: a notice or decision dated more than 30 days ago is refused until
 * the credit office confirms the date (409 backdating-unconfirmed); here the credit office then
 * confirms it and the step is posted again, as an operator entering an old paper case would.
 */
public final class Backdating {

    private static final String ADMIN = TestTokens.bearer("AWB", "ADMIN");

    private Backdating() {
    }

    public static Http.Response confirmedIfNeeded(Http http, long listingId, String step, LocalDate date,
            Supplier<Http.Response> request) {
        Http.Response response = request.get();
        if (response.status() != 409 || !response.body().contains("/problems/backdating-unconfirmed")) {
            return response;
        }
        Http.Response confirmed = http.postJson("/api/v1/listings/" + listingId + "/backdating-confirmations",
                "{\"step\":\"" + step + "\",\"date\":\"" + date + "\",\"reason\":\"纸质案卷补录（测试）\"}",
                "Authorization", ADMIN);
        assertThat(confirmed.status()).as(confirmed.body()).isIn(200, 201);
        return request.get();
    }
}
