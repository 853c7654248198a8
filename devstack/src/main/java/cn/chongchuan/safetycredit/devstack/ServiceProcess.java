package cn.chongchuan.safetycredit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the local run: a child JVM running the service's jar, its output in a log file. */
public record ServiceProcess(String name, int port, Path log, Process process) {

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return start(name, builder, port, logDir);
    }

    /**
     * Runs {@code command} in {@code workDir} with exactly {@code env} as its environment (nothing
     * inherited from this JVM's), as a container runtime starts an image's entrypoint.
     */
    public static ServiceProcess startIsolated(String name, List<String> command, Path workDir, Map<String, String> env,
            int port, Path logDir) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return start(name, builder, port, logDir);
    }

    private static ServiceProcess start(String name, ProcessBuilder builder, int port, Path logDir) {
        Path log = logDir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new ServiceProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The java launcher of the JDK running this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The services' JVM options: by default quick to start and small (the C1 compiler only), which
     * suits the local run and the tests; {@code DEVSTACK_JAVA_OPTS} replaces them, e.g. with the
     * full JIT for a benchmark ({@code bench/gateway/run.sh}), where C1 alone costs about 3 times
     * the CPU per request.
     */
    static List<String> jvmOptions() {
        String configured = System.getenv("DEVSTACK_JAVA_OPTS");
        if (configured == null || configured.isBlank()) {
            return List.of("-XX:TieredStopAtLevel=1", "-Xss512k");
        }
        return List.of(configured.trim().split("\\s+"));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Asks the JVM to shut down gracefully, then forces it after 20 s. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
