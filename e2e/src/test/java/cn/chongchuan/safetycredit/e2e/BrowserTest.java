package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The web console in a real browser, against the same running system as the API tests. The tests
 * themselves are JavaScript ({@code console/src/test/browser/*.test.mjs}: node's test runner,
 * Playwright driving the system's Chromium), written next to the console they test; this class
 * gives each file the gateway's URL and this run's department keys, and turns its exit code into
 * a JUnit result, so that {@code ./mvnw verify} and CI run them with everything else.
 *
 * <p>Chromium and Node.js are not Maven artifacts: on CI ({@code CI=true}) a missing one is a
 * failure, since {@code .ci/run} installs them; elsewhere the tests are skipped with the command
 * that installs them.
 */
class BrowserTest {

    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    /** playwright-core refuses to start on an older Node.js (Debian 12's own nodejs is 18). */
    private static final int MINIMUM_NODE_MAJOR = 20;
    private static final String INSTALL = "apt-get install chromium fonts-noto-cjk nodejs npm";
    /** The departments whose keys the tests get, as {@code KEY_<code>}: one of each kind of role. */
    private static final List<String> DEPARTMENTS = List.of("AWB", "XZSPJ", "AJJ", "ZJJ", "FGW");

    private final Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private final Path console = root.resolve("console");
    private final Path chromium = Path.of(Optional.ofNullable(System.getenv("CHROMIUM")).orElse("/usr/bin/chromium"));

    private final Path node = onPath("node");
    private final Path npm = onPath("npm");

    @TestFactory
    Stream<DynamicTest> consoleInABrowser() {
        Optional<String> missing = missingTool();
        if (missing.isPresent()) {
            return Stream.of(unavailable(missing.get()));
        }
        List<Path> files = testFiles();
        installPlaywright();
        Map<String, String> environment = environment(RunningStack.get());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> runFile(file, environment)));
    }

    /** What keeps the browser tests from running on this machine, if anything. */
    private Optional<String> missingTool() {
        if (!Files.isExecutable(chromium)) {
            return Optional.of("Chromium is missing at " + chromium);
        }
        if (node == null) {
            return Optional.of("Node.js (node) is not on the PATH");
        }
        int nodeMajor = nodeMajor(node);
        if (nodeMajor < MINIMUM_NODE_MAJOR) {
            return Optional.of("Node.js " + nodeMajor + " at " + node + " is too old: playwright-core needs "
                    + MINIMUM_NODE_MAJOR + " or newer");
        }
        if (!playwrightInstalled() && npm == null) {
            return Optional.of("npm is not on the PATH, and console/node_modules is not installed yet");
        }
        return Optional.empty();
    }

    /**
     * On CI a failure, since .ci/run installs the tools first; elsewhere one skipped test that says
     * how to install them (a skipped factory alone would not show up in the test summary).
     */
    private static DynamicTest unavailable(String what) {
        if ("true".equals(System.getenv("CI"))) {
            fail(what + ": .ci/run should have installed it before the tests (" + INSTALL + ")");
        }
        return DynamicTest.dynamicTest("browser tests",
                () -> Assumptions.abort(what + ": browser tests skipped; to run them: sudo " + INSTALL));
    }

    private List<Path> testFiles() {
        Path directory = console.resolve("src/test/browser");
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> files = listing.filter(file -> file.getFileName().toString().endsWith(".test.mjs")).sorted().toList();
            if (files.isEmpty()) {
                fail("no *.test.mjs files in " + directory);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the browser tests in " + directory, e);
        }
    }

    /** Once per checkout: {@code node_modules} is not committed, the lock file is. */
    private void installPlaywright() {
        if (playwrightInstalled()) {
            return;
        }
        Outcome install = Outcome.of(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), console, Map.of(), NPM_TIMEOUT);
        if (!install.succeeded()) {
            fail("npm ci in console/ " + install.describe() + ":\n" + install.output());
        }
    }

    private boolean playwrightInstalled() {
        return Files.isDirectory(console.resolve("node_modules/playwright-core"));
    }

    private Map<String, String> environment(Stack stack) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONSOLE_URL", stack.gatewayUrl());
        environment.put("SCREENSHOT_DIR", root.resolve("e2e/target/browser-screenshots").toString());
        environment.put("CHROMIUM", chromium.toString());
        for (String code : DEPARTMENTS) {
            environment.put("KEY_" + code, stack.department(code).apiKey());
        }
        return environment;
    }

    private void runFile(Path file, Map<String, String> environment) {
        Outcome run = Outcome.of(List.of(node.toString(), "--test", "--test-reporter=spec", console.relativize(file).toString()),
                console, environment, FILE_TIMEOUT);
        if (!run.succeeded()) {
            fail(console.relativize(file) + " " + run.describe() + ":\n" + run.output());
        }
    }

    private static Path onPath(String command) {
        return Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst().orElse(null);
    }

    private static int nodeMajor(Path node) {
        Outcome version = Outcome.of(List.of(node.toString(), "--version"), Path.of("."), Map.of(), Duration.ofSeconds(30));
        String text = version.output().strip();
        if (!version.succeeded() || !text.matches("v\\d+\\..*")) {
            fail(node + " --version " + version.describe() + ": " + text);
        }
        return Integer.parseInt(text.substring(1, text.indexOf('.')));
    }

    /**
     * A finished command: its exit code and what it printed (stdout and stderr together, as they
     * interleave), which is also echoed line by line to the test log as it comes. A command that
     * outlives its timeout is killed with everything it started (node's Chromium included).
     */
    private record Outcome(int exitCode, boolean timedOut, Duration timeout, String output) {

        /** Playwright dims its call logs with terminal escapes even when writing to a pipe. */
        private static final Pattern ANSI_ESCAPE = Pattern.compile("\\e\\[[0-9;]*m");

        static Outcome of(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
            }
            StringBuilder output = new StringBuilder();
            Thread reader = Thread.ofPlatform().daemon().name("browser-output").start(() -> copy(process, output));
            try {
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                reader.join(Duration.ofSeconds(10));
                synchronized (output) {
                    return new Outcome(finished ? process.exitValue() : -1, !finished, timeout, output.toString());
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
            }
        }

        private static void copy(Process process, StringBuilder output) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
                    String line = ANSI_ESCAPE.matcher(raw).replaceAll("");
                    System.out.println("[browser] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process was killed; what it printed until then is kept
            }
        }

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        String describe() {
            return timedOut ? "was killed after " + timeout.toSeconds() + " s" : "exited with " + exitCode;
        }
    }
}
