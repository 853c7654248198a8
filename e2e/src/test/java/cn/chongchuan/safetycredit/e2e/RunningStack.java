package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One running system per test JVM, shared by the end-to-end test classes, stopped on exit. It runs
 * with tracing on, exporting to an OTLP receiver in this JVM ({@link #traces()}), as an operator
 * turns it on (docs/operations.md, "Traces"): so every end-to-end test also runs traced.
 */
final class RunningStack {

    /** Keys holding exactly one role each, so that every role × route cell can be tested alone. */
    static final Stack.ExtraKey ONLY_ADMIN = Stack.ExtraKey.of("test ADMIN only", "AWB", "ADMIN");
    static final Stack.ExtraKey ONLY_APPROVAL = Stack.ExtraKey.of("test APPROVAL only", "XZSPJ", "APPROVAL");
    static final Stack.ExtraKey ONLY_ENFORCEMENT = Stack.ExtraKey.of("test ENFORCEMENT only", "AJJ", "ENFORCEMENT");
    static final Stack.ExtraKey ONLY_PARTNER = Stack.ExtraKey.of("test PARTNER only", "ZJJ", "PARTNER");

    private static Stack stack;
    private static OtlpReceiver traces;
    private static RuntimeException failure;

    private RunningStack() {
    }

    static synchronized Stack get() {
        if (failure != null) {
            throw new IllegalStateException("the system did not start: " + failure.getMessage(), failure);
        }
        if (stack == null) {
            Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
            traces = OtlpReceiver.start();
            // The operator's switch; the export delay shortened from 5 s so that the test waits less.
            Map<String, String> tracing = Map.of(
                    "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", traces.endpoint(),
                    "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "500ms");
            try {
                stack = Stack.start(root, Stack.Ports.free(),
                        List.of(ONLY_ADMIN, ONLY_APPROVAL, ONLY_ENFORCEMENT, ONLY_PARTNER),
                        line -> System.out.println("[e2e] " + line), 1, tracing);
            } catch (RuntimeException e) {
                failure = e;
                traces.close();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                traces.close();
            }, "e2e-stack-shutdown"));
        }
        return stack;
    }

    /** The OTLP receiver the running system exports its spans to. */
    static synchronized OtlpReceiver traces() {
        get();
        return traces;
    }
}
