package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The whole credit-service on a random port, on the shared embedded MariaDB and Redis. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "security.internal-token.secret=" + TestTokens.SECRET)
@ActiveProfiles("test")
public @interface ServiceTest {
}
