package cn.chongchuan.safetycredit.platform.calendar.boot;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.InvalidHolidayYearException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code seeds/holidays.yaml}, the State Council's holiday arrangements both services count
 * working days with: the one way to read it, so that both read the same years the same way. A file
 * that breaks a rule of {@link HolidayYear} stops the start, naming every entry at fault.
 */
public final class HolidaySeedFile {

    private HolidaySeedFile() {
    }

    /** One entry of the file, as written. */
    record Entry(Integer year, String source, List<Holiday> holidays) {
    }

    public static List<HolidayYear> read(Resource resource) {
        List<Entry> entries;
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("holidays", resource);
            entries = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("years", Bindable.listOf(Entry.class))
                    .orElseThrow(() -> new IllegalStateException(resource + " has no 'years' list"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the holiday calendar " + resource, e);
        }
        List<HolidayYear> years = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = "years[" + i + "]";
            Integer earlier = entry.year() == null ? null : seen.putIfAbsent(entry.year(), i);
            if (earlier != null) {
                faults.add(at + ".year " + entry.year() + " is given twice (also years[" + earlier + "])");
                continue;
            }
            try {
                years.add(HolidayYear.of(entry.year(), entry.source(), entry.holidays()));
            } catch (InvalidHolidayYearException e) {
                e.violations().forEach(v -> faults.add(at + "." + v.field() + " " + v.reason()));
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException(resource + " is not a valid holiday calendar: " + String.join("; ", faults));
        }
        return List.copyOf(years);
    }
}
