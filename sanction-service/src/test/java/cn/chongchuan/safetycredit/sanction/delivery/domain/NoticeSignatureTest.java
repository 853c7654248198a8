package cn.chongchuan.safetycredit.sanction.delivery.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeSignatureTest {

    private static final byte[] OLD = "whsec_old".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEW = "whsec_new".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"noticeId\":\"n-1\",\"kind\":\"SANCTION_START\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureIsTheHmacOfIdTimestampAndBodyAsOpensslComputesIt() {
        // printf '%s' 'n-1.1772352000.{"noticeId":"n-1","kind":"SANCTION_START"}' \
        //   | openssl dgst -sha256 -hmac whsec_new -binary | base64
        assertThat(NoticeSignature.sign(NEW, "n-1", 1_772_352_000L, BODY))
                .isEqualTo("v1=GwEJn100a9d+F2NGGqw2NMRjCAYnQ75F+bw0Ge3WibY=");
    }

    @Test
    void duringRotationEitherSecretVerifies() {
        String header = NoticeSignature.header(List.of(NEW, OLD), "n-1", 1_772_352_000L, BODY);

        assertThat(header.split(" ")).hasSize(2);
        assertThat(NoticeSignature.verify(header, OLD, "n-1", 1_772_352_000L, BODY)).isTrue();
        assertThat(NoticeSignature.verify(header, NEW, "n-1", 1_772_352_000L, BODY)).isTrue();
    }

    @Test
    void aChangedBodyTimestampOrIdFailsVerification() {
        String header = NoticeSignature.header(List.of(NEW), "n-1", 1_772_352_000L, BODY);

        assertThat(NoticeSignature.verify(header, NEW, "n-1", 1_772_352_001L, BODY)).isFalse();
        assertThat(NoticeSignature.verify(header, NEW, "n-2", 1_772_352_000L, BODY)).isFalse();
        assertThat(NoticeSignature.verify(header, NEW, "n-1", 1_772_352_000L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(NoticeSignature.verify(header, OLD, "n-1", 1_772_352_000L, BODY)).isFalse();
    }
}
