package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.platform.web.ServicePlatformConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sanction-service: joint-sanction notices to partner departments and their feedback. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServicePlatformConfiguration.class)
@EnableScheduling // the delivery gauges' refresh (notice.NoticeMetrics); delivery runs its own dispatcher threads
public class SanctionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SanctionServiceApplication.class, args);
    }
}
