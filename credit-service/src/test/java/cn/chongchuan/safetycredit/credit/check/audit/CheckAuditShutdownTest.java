package cn.chongchuan.safetycredit.credit.check.audit;

import cn.chongchuan.safetycredit.credit.CreditServiceApplication;
import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer;
import cn.chongchuan.safetycredit.credit.check.CheckService;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A second instance of the service that holds its audit rows until shutdown must write every one of them. */
@ServiceTest
class CheckAuditShutdownTest {

    @Autowired
    CheckAuditMapper audit;

    @Test
    void aCleanShutdownWritesEveryQueuedAuditRow() {
        String department = "SD" + (System.nanoTime() % 1_000_000);
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(CreditServiceApplication.class)
                .profiles("test")
                // command-line arguments, so they win over application-test.yml
                .run("--server.port=0",
                        "--security.internal-token.secret=" + TestTokens.SECRET,
                        "--credit.personal-data.hmac-key=" + ServiceTest.TEST_HMAC_KEY,
                        "--credit.personal-data.encryption-key=" + ServiceTest.TEST_ENCRYPTION_KEY,
                        // nothing is written before shutdown unless 5,000 rows pile up
                        "--credit.check.audit.flush-interval=PT1H",
                        "--credit.check.audit.batch-size=5000");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            codes.add(ViolationFixture.CODES.uscc("320602"));
        }
        List<CheckAnswer> answers = new ArrayList<>();
        CheckService checks = instance.getBean(CheckService.class);
        Caller caller = new Caller(department, Set.of("APPROVAL"));
        answers.addAll(checks.check(codes.subList(0, 400), null, null, caller, true).results());
        answers.addAll(checks.check(codes.subList(400, 700), null, null, caller, true).results());
        assertThat(audit.search(department, null, null, null, 1000, 0)).as("still queued").isEmpty();

        instance.close();

        List<CheckAuditRow> rows = audit.search(department, null, null, null, 1000, 0);
        assertThat(rows).hasSize(700);
        assertThat(rows).extracting(CheckAuditRow::receiptId)
                .containsExactlyInAnyOrderElementsOf(answers.stream().map(a -> a.receipt().id()).toList());
    }
}
