package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.platform.web.ServicePlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Import;

/** The credit-service: the blacklist, the licensing check and public disclosure. */
@SpringBootApplication
@EnableFeignClients
@ConfigurationPropertiesScan
@Import(ServicePlatformConfiguration.class)
public class CreditServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CreditServiceApplication.class, args);
    }
}
