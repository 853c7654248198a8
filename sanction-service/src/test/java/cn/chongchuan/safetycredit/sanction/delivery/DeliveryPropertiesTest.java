package cn.chongchuan.safetycredit.sanction.delivery;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryPropertiesTest {

    private static DeliveryProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("sanction.delivery", DeliveryProperties.class);
    }

    @Test
    void theDefaultsRetryForHoursAndLeaseLongerThanARound() {
        DeliveryProperties defaults = bind(Map.of());

        assertThat(defaults.schedule()).hasSize(8).last().isEqualTo(Duration.ofHours(8));
        assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.retry().maxAttempts()).isEqualTo(3);
    }

    @Test
    void aLeaseShorterThanOneRoundOfCallsIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("sanction.delivery.lease", "20s")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("must outlast one round of calls");
    }
}
