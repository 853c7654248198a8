import cn.chongchuan.safetycredit.devstack.Stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the whole local system for the gateway benchmark (embedded MariaDB and Redis,
 * credit-service, sanction-service and the gateway, each its own JVM, as ./local-run does, without
 * demo data), writes what run.sh needs to args[1], and runs until stdin closes.
 *
 * java -cp devstack/target/classes:$(cat devstack/target/classpath.txt) bench/gateway/GatewayBench.java <repo root> <env file>
 */
public class GatewayBench {

    static final Stack.ExtraKey APPROVAL = Stack.ExtraKey.of("gateway benchmark", "XZSPJ", "APPROVAL");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        try (Stack stack = Stack.start(root, Stack.Ports.free(), List.of(APPROVAL), line -> System.out.println("[bench] " + line))) {
            Files.writeString(Path.of(args[1]), String.join("\n",
                    "GATEWAY_URL=" + stack.gatewayUrl(),
                    "CREDIT_URL=" + stack.serviceUrl("credit-service"),
                    "API_KEY=" + APPROVAL.apiKey(),
                    "SECRET=" + stack.internalTokenSecret(),
                    "JDBC='" + stack.jdbcUrl("credit") + "'", ""));
            while (System.in.read() >= 0) {
                // run until the script closes our stdin
            }
        }
    }
}
