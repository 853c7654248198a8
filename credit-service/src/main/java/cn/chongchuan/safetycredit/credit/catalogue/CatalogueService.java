package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Department;
import cn.chongchuan.safetycredit.platform.seed.DepartmentSeed;
import cn.chongchuan.safetycredit.platform.seed.DepartmentSeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The criteria and department catalogues: loaded from the reviewable seed files at start-up
 * (idempotently, an upsert by code) and read from the database afterwards.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CatalogueService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);

    private final CatalogueMapper mapper;
    private final ResourceLoader resources;
    private final SeedProperties seeds;
    private final Clock clock;
    private volatile Map<String, Department> departments = Map.of();

    CatalogueService(CatalogueMapper mapper, ResourceLoader resources, SeedProperties seeds, Clock clock) {
        this.mapper = mapper;
        this.resources = resources;
        this.seeds = seeds;
        this.clock = clock;
    }

    /** Seed file entry of checklist.yaml; its position in the file is its sort order. */
    record ChecklistSeed(String code, String title, String obligation, String legalBasis, Boolean enabled) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        loadSeeds();
    }

    /** Upserts every seed entry; running it twice changes nothing. */
    @Transactional
    public void loadSeeds() {
        Resource departmentsFile = resources.getResource(seeds.location() + "departments.yaml");
        List<DepartmentSeed> departmentSeeds = DepartmentSeeds.read(departmentsFile::getInputStream, departmentsFile.toString());
        List<Criterion> criteria = bind("criteria.yaml", "criteria", Criterion.class);
        List<ChecklistSeed> checklist = bind("checklist.yaml", "checklist", ChecklistSeed.class);
        departmentSeeds.forEach(d -> mapper.upsertDepartment(d.code(), d.name(), d.fullName(),
                String.join(",", d.roles()), clock.instant()));
        criteria.forEach(c -> requireValid(c, departmentSeeds));
        criteria.forEach(c -> mapper.upsertCriterion(c, String.join(",", c.competentDepartments()), c.accidentRelated(),
                clock.instant()));
        for (int i = 0; i < checklist.size(); i++) {
            ChecklistSeed item = checklist.get(i);
            mapper.upsertChecklistItem(new ChecklistItem(item.code(), i + 1, item.title(), item.obligation(),
                    item.legalBasis(), item.enabled() == null || item.enabled()), clock.instant());
        }
        refreshDepartments();
        log.info("catalogues loaded: {} departments, {} criteria, {} checklist items", departmentSeeds.size(),
                criteria.size(), checklist.size());
    }

    public List<Criterion> criteria() {
        return mapper.findCriteria().stream().map(CatalogueMapper.CriterionRow::toCriterion).toList();
    }

    public Optional<Criterion> criterion(String code) {
        return mapper.findCriterion(code).map(CatalogueMapper.CriterionRow::toCriterion);
    }

    /** The obligations checklist, in the order of the seed file (retired items included, flagged). */
    public List<ChecklistItem> checklist() {
        return mapper.findChecklist();
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    /** The short name of a department, or its code when unknown. */
    public String departmentName(String code) {
        return department(code).map(Department::name).orElse(code);
    }

    /**
     * A criterion naming a department that does not enforce would route listings to nobody, and a
     * count without a window counts nothing: refuse to start rather than run with either.
     */
    private static void requireValid(Criterion criterion, List<DepartmentSeed> departments) {
        if (criterion.isCountBased() && (criterion.windowMonths() == null || criterion.windowMonths() < 1)) {
            throw new IllegalStateException("criterion " + criterion.code() + " counts " + criterion.countThreshold()
                    + " accidents but names no windowMonths");
        }
        for (String code : criterion.competentDepartments()) {
            boolean enforces = departments.stream()
                    .anyMatch(d -> d.code().equals(code) && d.hasRole("ENFORCEMENT"));
            if (!enforces) {
                throw new IllegalStateException("criterion " + criterion.code() + " names " + code
                        + " as competent, which is not an enforcement department of departments.yaml");
            }
        }
    }

    private void refreshDepartments() {
        departments = mapper.findDepartments().stream()
                .map(row -> new Department(row.code(), row.name(), row.fullName(), Arrays.asList(row.roles().split(","))))
                .collect(Collectors.toUnmodifiableMap(Department::code, Function.identity()));
    }

    private <T> List<T> bind(String file, String key, Class<T> type) {
        Resource resource = resources.getResource(seeds.location() + file);
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, resource);
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(key, Bindable.listOf(type))
                    .orElseThrow(() -> new IllegalStateException(resource + " has no '" + key + "' list"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + resource, e);
        }
    }
}
