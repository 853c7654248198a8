package cn.chongchuan.safetycredit.platform.testing;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a service's Spring Modulith documentation (component diagrams and module canvases) into
 * the repository, in a fixed order: the Documenter lists a diagram's relations and a canvas's
 * beans and events in no fixed order, so they are sorted, and the committed files change only when
 * the modules do. Both services' {@code ModularityTest} check theirs with {@link #check}, which
 * fails when the committed documentation is not what the code gives: it is rewritten with
 * {@code -Dmodules.docs.write=true}.
 */
public final class ModuleDocumentation {

    private ModuleDocumentation() {
    }

    /**
     * Generates the documentation into {@code target/modules-docs} and compares it with the
     * committed {@code committed} folder; with {@code -Dmodules.docs.write=true} rewrites that
     * folder instead.
     */
    public static void check(ApplicationModules modules, Path committed) {
        if (Boolean.getBoolean("modules.docs.write")) {
            write(modules, committed);
            return;
        }
        Path generated = Path.of("target", "modules-docs");
        write(modules, generated);
        try {
            Map<String, String> expected = contents(generated);
            Map<String, String> actual = Files.isDirectory(committed) ? contents(committed) : Map.of();
            if (!expected.equals(actual)) {
                Set<String> differing = new TreeSet<>(expected.keySet());
                differing.addAll(actual.keySet());
                differing.removeIf(name -> Objects.equals(expected.get(name), actual.get(name)));
                throw new AssertionError(committed + " is not what the modules give (" + differing + "): rewrite it with "
                        + "./mvnw -B -q -pl <service> -am test -Dtest=ModularityTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dmodules.docs.write=true, and commit it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return files;
    }

    public static void write(ApplicationModules modules, Path folder) {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".puml")) {
                    Files.write(file, sortedRuns(Files.readAllLines(file), line -> line.startsWith("Rel(")));
                } else if (name.endsWith(".adoc")) {
                    Files.write(file, sortedListItems(Files.readAllLines(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface LineTest {
        boolean matches(String line);
    }

    /** Each run of consecutive matching lines sorted. */
    private static List<String> sortedRuns(List<String> lines, LineTest member) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (member.matches(line)) {
                run.add(line);
                continue;
            }
            run.sort(null);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }

    /**
     * A canvas cell's bullet list ({@code |* a}, then {@code * b} …) sorted by its items; the first
     * item keeps the cell's {@code |}.
     */
    private static List<String> sortedListItems(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> items = new ArrayList<>();
        boolean opened = false;
        for (String line : lines) {
            if (line.startsWith("|* ")) {
                flush(out, items, opened);
                opened = true;
                items.add(line.substring(1));
            } else if (line.startsWith("* ")) {
                if (items.isEmpty()) {
                    opened = false;
                }
                items.add(line);
            } else {
                flush(out, items, opened);
                opened = false;
                out.add(line);
            }
        }
        flush(out, items, opened);
        return out;
    }

    private static void flush(List<String> out, List<String> items, boolean opened) {
        items.sort(Comparator.naturalOrder());
        for (int i = 0; i < items.size(); i++) {
            out.add(i == 0 && opened ? "|" + items.get(i) : items.get(i));
        }
        items.clear();
    }
}
