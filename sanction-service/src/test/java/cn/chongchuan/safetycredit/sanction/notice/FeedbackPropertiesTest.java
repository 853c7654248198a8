package cn.chongchuan.safetycredit.sanction.notice;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackPropertiesTest {

    @Test
    void theDeadlineBindsFromPlainSettingsAndTheZoneDefaultsToTheDistricts() {
        FeedbackProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "sanction.feedback.deadline-working-days", "7")))
                .bindOrCreate("sanction.feedback", FeedbackProperties.class);

        assertThat(properties.deadlineWorkingDays()).isEqualTo(7);
        assertThat(properties.zone().getId()).isEqualTo("Asia/Shanghai");
    }
}
