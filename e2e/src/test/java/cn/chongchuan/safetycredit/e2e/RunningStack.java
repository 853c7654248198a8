package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;

import java.nio.file.Path;
import java.util.List;

/** One running system per test JVM, shared by the end-to-end test classes, stopped on exit. */
final class RunningStack {

    /** Keys holding exactly one role each, so that every role × route cell can be tested alone. */
    static final Stack.ExtraKey ONLY_ADMIN = Stack.ExtraKey.of("test ADMIN only", "AWB", "ADMIN");
    static final Stack.ExtraKey ONLY_APPROVAL = Stack.ExtraKey.of("test APPROVAL only", "XZSPJ", "APPROVAL");
    static final Stack.ExtraKey ONLY_ENFORCEMENT = Stack.ExtraKey.of("test ENFORCEMENT only", "AJJ", "ENFORCEMENT");
    static final Stack.ExtraKey ONLY_PARTNER = Stack.ExtraKey.of("test PARTNER only", "ZJJ", "PARTNER");

    private static Stack stack;
    private static RuntimeException failure;

    private RunningStack() {
    }

    static synchronized Stack get() {
        if (failure != null) {
            throw new IllegalStateException("the system did not start: " + failure.getMessage(), failure);
        }
        if (stack == null) {
            Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
            try {
                stack = Stack.start(root, Stack.Ports.free(),
                        List.of(ONLY_ADMIN, ONLY_APPROVAL, ONLY_ENFORCEMENT, ONLY_PARTNER),
                        line -> System.out.println("[e2e] " + line));
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-shutdown"));
        }
        return stack;
    }
}
