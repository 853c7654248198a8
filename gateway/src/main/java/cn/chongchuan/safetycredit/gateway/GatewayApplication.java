package cn.chongchuan.safetycredit.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The only public entry: authenticates departments by API key, forwards a signed identity, limits
 * rates, and routes {@code /api/v1/**} to credit-service and sanction-service.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
