package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.platform.tracing.TracingConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The only public entry: authenticates departments by API key, forwards a signed identity, limits
 * rates, and routes {@code /api/v1/**} to credit-service and sanction-service.
 */
@SpringBootApplication
@Import(TracingConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
