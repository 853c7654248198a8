package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.platform.testing.TestClockConfiguration;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole credit-service on a random port, on the shared embedded MariaDB and Redis. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "security.internal-token.secret=" + TestTokens.SECRET,
                "credit.personal-data.hmac-key=" + ServiceTest.TEST_HMAC_KEY,
                "credit.personal-data.encryption-key=" + ServiceTest.TEST_ENCRYPTION_KEY})
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface ServiceTest {

    /** Test-only keys for personal ID numbers (base64 of 32 bytes each). */
    String TEST_HMAC_KEY = "dGVzdC1vbmx5LXBlcnNvbmFsLWlkLWhtYWMta2V5LTE=";
    String TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5LXBlcnNvbmFsLWlkLWFlcy1rZXktLTE=";
}
