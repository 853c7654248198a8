package cn.chongchuan.safetycredit.sanction.delivery;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPropertiesTest {

    private static DeliveryProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("sanction.delivery", DeliveryProperties.class);
    }

    @Test
    void theDefaultsRetryForMoreThanThreeDaysWithJitterAndLeaseLongerThanARound() {
        DeliveryProperties defaults = bind(Map.of());

        assertThat(defaults.schedule()).hasSize(12).startsWith(Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5)).last().isEqualTo(Duration.ofHours(10));
        assertThat(defaults.deliverySchedule().span()).isGreaterThan(Duration.ofDays(3));
        assertThat(defaults.scheduleJitter()).isEqualTo(0.1);
        assertThat(defaults.retryAfterMax()).isEqualTo(Duration.ofHours(10));
        assertThat(defaults.disableAfterFailingFor()).isEqualTo(Duration.ofDays(5))
                .isGreaterThan(defaults.deliverySchedule().longestSpan());
        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    void theShippedConfigurationRetriesForMoreThanThreeDays() throws Exception {
        // application.yml writes every default out: it must not bring back a shorter schedule.
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        DeliveryProperties shipped = new Binder(ConfigurationPropertySources.from(yaml))
                .bindOrCreate("sanction.delivery", DeliveryProperties.class);

        assertThat(shipped.deliverySchedule().span()).isGreaterThan(Duration.ofDays(3));
        assertThat(shipped).isEqualTo(bind(Map.of()));
    }

    @Test
    void aLeaseShorterThanOneRoundOfCallsIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("sanction.delivery.lease", "20s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must outlast one round of calls");
    }

    @Test
    void disablingAFailingEndpointBeforeANoticeCouldHaveUsedItsWholeScheduleIsRefused() {
        // The default schedule lasts up to 77 h 35 min + 10 % jitter = 85 h 20.5 min.
        assertThatThrownBy(() -> bind(Map.of("sanction.delivery.disable-after-failing-for", "85h")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must be longer than a notice's longest schedule");
        assertThat(bind(Map.of("sanction.delivery.disable-after-failing-for", "86h")).disableAfterFailingFor())
                .isEqualTo(Duration.ofHours(86));
    }

    @Test
    void aJitterOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("sanction.delivery.schedule-jitter", "1.5")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("jitter");
    }
}
