package cn.chongchuan.safetycredit.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local run (./local-run): the whole {@link Stack} with demo data, in the
 * foreground. Ctrl-C (or any service dying) stops every process it started.
 *
 * <p>Arguments: the repository root (default: the working directory). Ports come from
 * {@code GATEWAY_PORT}, {@code CREDIT_PORT}, {@code SANCTION_PORT}, {@code DEVSTACK_MARIADB_PORT},
 * {@code DEVSTACK_REDIS_PORT} and {@code PARTNER_STUB_PORT} (defaults 8080, 8081, 8082, then free
 * ports). {@code DEMO_DATA=0} starts without the demo data set.
 */
public final class LocalStack {

    /** The department whose key is printed for each role. */
    private static final List<String[]> DEMO_ROLES = List.of(
            new String[] {"ADMIN", "AWB"}, new String[] {"APPROVAL", "XZSPJ"},
            new String[] {"ENFORCEMENT", "AJJ"}, new String[] {"PARTNER", "ZJJ"});

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Stack.Ports ports = new Stack.Ports(envInt("GATEWAY_PORT", 8080), envInt("CREDIT_PORT", 8081),
                envInt("SANCTION_PORT", 8082), envInt("DEVSTACK_MARIADB_PORT", 0), envInt("DEVSTACK_REDIS_PORT", 0),
                envInt("PARTNER_STUB_PORT", 0));
        Stack stack;
        try {
            stack = Stack.start(root, ports, LocalStack::say);
        } catch (RuntimeException e) {
            System.err.println("local run failed: " + e.getMessage());
            System.exit(1);
            return;
        }
        Thread shutdown = new Thread(() -> {
            stack.close();
            say("stopped");
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            if (!"0".equals(System.getenv("DEMO_DATA"))) {
                say("entering the demo data set through the gateway …");
                DemoData.load(stack, LocalStack::say);
            }
        } catch (RuntimeException e) {
            say("demo data could not be entered: " + e.getMessage());
        }
        Path keyFile = writeKeys(stack, root);
        say("demo API keys for this run (send as 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'):");
        for (String[] role : DEMO_ROLES) {
            Stack.Department department = stack.department(role[1]);
            say(String.format("  %-12s %-6s %-21s %s", role[0], department.code(), String.join(",", department.roles()),
                    department.apiKey()));
        }
        say("  (every department's key is in " + root.relativize(keyFile) + "; scripts/demo.sh uses it)");
        say("  try: curl -H 'Authorization: ApiKey " + stack.department("AWB").apiKey() + "' " + stack.gatewayUrl()
                + "/api/v1/me");
        say("gateway: " + stack.gatewayUrl() + "   — press Ctrl-C to stop everything");
        while (true) {
            for (ServiceProcess service : stack.services()) {
                if (!service.isAlive()) {
                    say(service.name() + " exited (code " + service.exitCode() + "); stopping everything. See " + service.log());
                    System.exit(1);
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /** The keys as shell variables (GATEWAY_URL, DEMO_KEY_ADMIN=…, KEY_AJJ=…), readable only by the user. */
    private static Path writeKeys(Stack stack, Path root) throws IOException {
        Path file = stack.logDir().resolve("demo-keys.env");
        StringBuilder content = new StringBuilder("# API keys of this local run only; they change at every start.\n");
        content.append("GATEWAY_URL=").append(stack.gatewayUrl()).append('\n');
        for (String[] role : DEMO_ROLES) {
            content.append("DEMO_KEY_").append(role[0]).append('=').append(stack.department(role[1]).apiKey()).append('\n');
        }
        for (Stack.Department department : stack.departments()) {
            content.append("KEY_").append(department.code()).append('=').append(department.apiKey()).append('\n');
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
        return file;
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static void say(String line) {
        System.out.println("[local-run] " + line);
    }
}
