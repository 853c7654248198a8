package cn.chongchuan.safetycredit.credit.check;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The measure catalogue as the check uses it: held in memory, fetched from sanction-service (which
 * owns it) in the background and never on a check's path. Until sanction-service has answered,
 * and whenever it cannot be reached, the last good copy stays in use; the first copy is the seed
 * file packaged with the service.
 */
@Component
public class MeasureCatalogue {

    private static final Logger log = LoggerFactory.getLogger(MeasureCatalogue.class);

    private final MeasureClient client;
    private final CheckProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Snapshot current;

    /** A copy of the catalogue, where it came from and when. */
    public record Snapshot(List<Measure> measures, String source, Instant loadedAt) {
    }

    MeasureCatalogue(MeasureClient client, CheckProperties properties, ResourceLoader resources, JsonMapper json,
            Clock clock) {
        this.client = client;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.current = new Snapshot(readSeed(resources.getResource(properties.measures().seedFile())), "seed", clock.instant());
    }

    /** The measures the asking department applies to a listed subject of this type, in catalogue order. */
    public List<Measure> applicableTo(String askingDepartment, String subjectType) {
        return current.measures().stream().filter(m -> m.appliesTo(askingDepartment, subjectType)).toList();
    }

    public Snapshot snapshot() {
        return current;
    }

    /** Fetches the catalogue again; on any failure the copy in use stays. */
    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${credit.check.measures.refresh:PT5M}")
    public void refresh() {
        if (!properties.measures().fetch()) {
            return;
        }
        try {
            List<Measure> fetched = json.readValue(client.measures(), new TypeReference<List<Measure>>() {
            });
            if (fetched.isEmpty()) {
                log.warn("sanction-service returned an empty measure catalogue; keeping the {} copy", current.source());
                return;
            }
            current = new Snapshot(List.copyOf(fetched), "sanction-service", clock.instant());
        } catch (RuntimeException e) {
            log.warn("measure catalogue not refreshed from sanction-service ({}); keeping the {} copy of {}",
                    e.getClass().getSimpleName(), current.source(), current.loadedAt());
        }
    }

    private static List<Measure> readSeed(Resource resource) {
        try {
            return new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("measures", resource)))
                    .bind("measures", Bindable.listOf(Measure.class))
                    .orElseThrow(() -> new IllegalStateException(resource + " has no 'measures' list"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the measure seed file " + resource, e);
        }
    }
}
