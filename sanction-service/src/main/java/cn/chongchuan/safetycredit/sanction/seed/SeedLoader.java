package cn.chongchuan.safetycredit.sanction.seed;

import cn.chongchuan.safetycredit.platform.seed.DepartmentSeed;
import cn.chongchuan.safetycredit.platform.seed.DepartmentSeeds;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.measure.Measure;
import cn.chongchuan.safetycredit.sanction.measure.MeasureService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code seeds/departments.yaml} (read as every part of the system reads it, see
 * {@link DepartmentSeeds}) and {@code seeds/measures.yaml} at start-up, upserting by code: running
 * it again, or on several instances at once, changes nothing but what the files changed.
 */
@Component
class SeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final SeedProperties properties;
    private final ResourceLoader resources;
    private final DepartmentService departments;
    private final MeasureService measures;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SeedLoader(SeedProperties properties, ResourceLoader resources, DepartmentService departments,
            MeasureService measures, TransactionTemplate transaction, Clock clock) {
        this.properties = properties;
        this.resources = resources;
        this.departments = departments;
        this.measures = measures;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            loadSeeds();
        }
    }

    void loadSeeds() {
        Resource departmentsFile = resources.getResource(properties.departments());
        List<DepartmentSeed> departmentEntries = DepartmentSeeds.read(departmentsFile::getInputStream, properties.departments());
        List<Map<String, Object>> measureEntries = entries(properties.measures(), "measures");
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (DepartmentSeed d : departmentEntries) {
                departments.loadSeed(d.code(), d.name(), d.fullName(), d.roles(), now);
            }
            for (Map<String, Object> m : measureEntries) {
                measures.loadSeed(new Measure(text(m, "code"), text(m, "title"), text(m, "department"),
                        text(m, "legalBasis"), codes(m, "subjectTypes")), now);
            }
        });
        log.info("seeds loaded: {} departments, {} measures", departmentEntries.size(), measureEntries.size());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String location, String key) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Object list = root == null ? null : root.get(key);
            if (!(list instanceof List<?>)) {
                throw new IllegalStateException(location + " has no '" + key + "' list");
            }
            return (List<Map<String, Object>>) list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + location, e);
        }
    }

    private static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("seed entry " + entry + " lacks '" + field + "'");
        }
        return value.toString().trim();
    }

    private static List<String> codes(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("seed entry " + entry + " lacks a '" + field + "' list");
        }
        return list.stream().map(Object::toString).map(String::trim).toList();
    }
}
