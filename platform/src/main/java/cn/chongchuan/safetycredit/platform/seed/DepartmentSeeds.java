package cn.chongchuan.safetycredit.platform.seed;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code seeds/departments.yaml}, the one way every part of the system does (credit-service,
 * sanction-service and the local run's key issuing): a file that lacks a code, a name or a role,
 * names an unknown role or repeats a code is refused with the entry and field at fault, so that no
 * reader starts with departments another reader would have refused.
 */
public final class DepartmentSeeds {

    private DepartmentSeeds() {
    }

    /** The departments of the file, in its order; {@code source} names it in error messages. */
    public static List<DepartmentSeed> read(InputStream yaml, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> map) || !(map.get("departments") instanceof List<?> entries)) {
            throw new IllegalStateException(source + " has no 'departments' list");
        }
        List<DepartmentSeed> departments = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = source + ": departments[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalStateException(at + " is not a mapping");
            }
            String code = text(entry, "code", at);
            if (!codes.add(code)) {
                throw new IllegalStateException(at + ".code " + code + " is given twice");
            }
            departments.add(new DepartmentSeed(code, text(entry, "name", at), optionalText(entry, "fullName", at),
                    roles(entry, at)));
        }
        return List.copyOf(departments);
    }

    /** Reads a file the caller opens, closing it. */
    public static List<DepartmentSeed> read(Opener opener, String source) {
        try (InputStream in = opener.open()) {
            return read(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + source, e);
        }
    }

    /** Opens the seed file. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private static String text(Map<?, ?> entry, String field, String at) {
        String value = optionalText(entry, field, at);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(at + "." + field + " is required");
        }
        return value;
    }

    private static String optionalText(Map<?, ?> entry, String field, String at) {
        Object value = entry.get(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalStateException(at + "." + field + " must be text");
        }
        return (String) value;
    }

    private static List<String> roles(Map<?, ?> entry, String at) {
        if (!(entry.get("roles") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(at + ".roles must list at least one of " + DepartmentSeed.ROLES);
        }
        List<String> roles = new ArrayList<>();
        for (Object role : list) {
            if (!(role instanceof String name) || !DepartmentSeed.ROLES.contains(name)) {
                throw new IllegalStateException(at + ".roles names " + role + ", not one of " + DepartmentSeed.ROLES);
            }
            roles.add(name);
        }
        return roles;
    }
}
