import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.Stack;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 7, scenario 1: notices under chaos, on the whole local system (three JVMs, embedded
 * MariaDB and Redis, partner stubs that verify signatures). LISTINGS units are taken through the
 * lawful procedure through the gateway (violation, notice, decision); partner stubs fail 30 % of
 * requests at random; one department is down for the first half; sanction-service is killed with
 * SIGKILL twice while listings are being decided, and started again. Then every partner
 * acknowledges its notices through the gateway, and each (listing, department) that the fan-out
 * rule names is checked: delivered and acknowledged. Verdict: lost = 0.
 *
 * java -cp devstack/target/classes:$(cat devstack/target/classpath.txt) faults/NoticeChaos.java <repo root> <out file>
 */
public class NoticeChaos {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]);
        if (args.length > 2 && args[2].equals("crash-before-relay")) {
            crashBeforeRelay(root, out);
            return;
        }
        int listings = Integer.parseInt(System.getenv().getOrDefault("LISTINGS", "2000"));
        int instances = Integer.parseInt(System.getenv().getOrDefault("INSTANCES", "1"));
        // Scale-out (scenario 7): two of each service; the first instance of each is killed in turn.
        String firstVictim = "sanction-service";
        String secondVictim = instances == 2 ? "credit-service" : "sanction-service";
        String downDepartment = System.getenv().getOrDefault("DOWN_DEPARTMENT", "FGW");
        List<String> report = new ArrayList<>();
        try (Stack stack = Stack.start(root, Stack.Ports.free(), List.of(), line -> System.out.println("[chaos] " + line),
                instances)) {
            GatewayClient enforcement = stack.as("AJJ");
            stack.partners().failRandomly(0.30);
            stack.partners().setDown(downDepartment, true);
            Instant began = Instant.now();
            say(report, "chaos: " + instances + " instance(s) of each service; " + listings + " listings; partner stubs "
                    + "fail 30 % at random; " + downDepartment + " down for the first half; " + firstVictim
                    + " killed (SIGKILL) at 1/3, " + secondVictim + " at 2/3");

            AtomicInteger decided = new AtomicInteger();
            ConcurrentLinkedQueue<Long> listed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Random random = new Random(7);
            List<String> codes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (codes.size() < listings) {
                String code = uscc(random);
                if (seen.add(code)) {
                    codes.add(code);
                }
            }
            LocalDate today = LocalDate.now();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> work = new ArrayList<>();
                for (int i = 0; i < listings; i++) {
                    int n = i;
                    work.add(pool.submit(() -> {
                        try {
                            long listing = list(enforcement, codes.get(n), n, today);
                            listed.add(listing);
                        } catch (RuntimeException e) {
                            failures.add(codes.get(n) + ": " + e.getMessage());
                        }
                        int done = decided.incrementAndGet();
                        if (done % 200 == 0) {
                            System.out.println("[chaos] " + done + " listings decided");
                        }
                    }));
                }
                boolean firstKill = false;
                boolean secondKill = false;
                boolean upAgain = false;
                ExecutorService killer = Executors.newSingleThreadExecutor();
                while (work.stream().anyMatch(f -> !f.isDone())) {
                    int done = decided.get();
                    if (!firstKill && done >= listings / 3) {
                        firstKill = true;
                        killer.submit(() -> killAndRestart(stack, firstVictim, report));
                    }
                    if (!upAgain && done >= listings / 2) {
                        upAgain = true;
                        stack.partners().setDown(downDepartment, false);
                        say(report, downDepartment + " back up after " + done + " listings");
                    }
                    if (!secondKill && done >= 2 * listings / 3) {
                        secondKill = true;
                        killer.submit(() -> killAndRestart(stack, secondVictim, report));
                    }
                    Thread.sleep(200);
                }
                killer.close();
            }
            say(report, "listings decided: " + listed.size() + " of " + listings + " in "
                    + Duration.between(began, Instant.now()).toSeconds() + " s; failed requests: " + failures.size());
            failures.stream().limit(5).forEach(f -> say(report, "  failed: " + f));

            // Who must be told: every enabled partner with an endpoint that implements a measure for units.
            Set<String> partners = new HashSet<>();
            stack.departments().stream().filter(d -> d.hasRole("PARTNER")).forEach(d -> partners.add(d.code()));
            Set<String> expectedDepartments = new HashSet<>();
            for (JsonNode measure : enforcement.get("/api/v1/measures?subjectType=UNIT").ok()) {
                String department = measure.get("department").asString();
                if (partners.contains(department)) {
                    expectedDepartments.add(department);
                }
            }
            say(report, "departments to be told of each unit listing: " + expectedDepartments.size() + " " + expectedDepartments);

            // Let the stubs answer again, wait for the dispatcher, then every partner acknowledges.
            stack.partners().failRandomly(0.0);
            long expected = (long) listed.size() * expectedDepartments.size();
            Instant waitFrom = Instant.now();
            long delivered = 0;
            while (Duration.between(waitFrom, Instant.now()).toMinutes() < 10) {
                delivered = count(stack, "SELECT COUNT(*) FROM notice WHERE kind = 'SANCTION_START' AND status = 'DELIVERED'");
                if (delivered >= expected) {
                    break;
                }
                Thread.sleep(2000);
            }
            say(report, "all notices delivered " + Duration.between(waitFrom, Instant.now()).toSeconds()
                    + " s after the last decision (" + delivered + " of " + expected + ")");
            long dead = count(stack, "SELECT COUNT(*) FROM notice WHERE status = 'DEAD'");
            try (ExecutorService pool = Executors.newFixedThreadPool(expectedDepartments.size())) {
                for (String department : expectedDepartments) {
                    pool.submit(() -> acknowledgeAll(stack.as(department)));
                }
            }

            Set<String> acknowledged = new HashSet<>();
            Set<String> deliveredPairs = new HashSet<>();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("sanction"), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT listing_id, department_code, status, acknowledged_at FROM notice "
                         + "WHERE kind = 'SANCTION_START'")) {
                while (rows.next()) {
                    String pair = rows.getLong(1) + "/" + rows.getString(2);
                    if ("DELIVERED".equals(rows.getString(3))) {
                        deliveredPairs.add(pair);
                    }
                    if (rows.getTimestamp(4) != null) {
                        acknowledged.add(pair);
                    }
                }
            }
            int lost = 0;
            int notAcknowledged = 0;
            for (long listing : listed) {
                for (String department : expectedDepartments) {
                    String pair = listing + "/" + department;
                    if (!deliveredPairs.contains(pair)) {
                        lost++;
                    } else if (!acknowledged.contains(pair)) {
                        notAcknowledged++;
                    }
                }
            }
            say(report, "(listing, department) pairs: " + expected + "; delivered " + (expected - lost)
                    + "; acknowledged " + (expected - lost - notAcknowledged) + "; DEAD notices " + dead);
            say(report, "duplicates seen on the wire (same notice id received again, e.g. after a kill mid-call): "
                    + stack.partners().duplicates() + "; signatures rejected by the stubs: " + stack.partners().rejected());
            long overlapping = count(stack, "SELECT COUNT(*) FROM delivery_attempt a JOIN delivery_attempt b "
                    + "ON a.notice_id = b.notice_id AND a.id < b.id AND a.started_at < b.finished_at "
                    + "AND b.started_at < a.finished_at");
            long dispatchers = count(stack, "SELECT COUNT(DISTINCT dispatcher) FROM delivery_attempt");
            say(report, "delivery attempts of one notice overlapping in time: " + overlapping + " (dispatchers seen: "
                    + dispatchers + ")");
            say(report, "VERDICT: lost = " + lost
                    + (lost == 0 && notAcknowledged == 0 && overlapping == 0 ? " — PASS" : " — FAIL"));
        }
        Files.write(out, report);
    }

    /**
     * Scenario 4: credit-service runs with its outbox relay off, so every listing commits and its
     * event stays in the outbox; the process is then killed (SIGKILL) and started again with the
     * relay on. Every event must reach sanction-service and every department.
     */
    static void crashBeforeRelay(Path root, Path out) throws Exception {
        int listings = Integer.parseInt(System.getenv().getOrDefault("LISTINGS", "50"));
        List<String> report = new ArrayList<>();
        if (!"false".equals(System.getenv("CREDIT_RELAY_ENABLED"))) {
            throw new IllegalStateException("run with CREDIT_RELAY_ENABLED=false (faults/crash-before-relay.sh does)");
        }
        try (Stack stack = Stack.start(root, Stack.Ports.free(), line -> System.out.println("[crash] " + line))) {
            GatewayClient enforcement = stack.as("AJJ");
            Random random = new Random(11);
            List<Long> listed = new ArrayList<>();
            LocalDate today = LocalDate.now();
            for (int i = 0; i < listings; i++) {
                listed.add(list(enforcement, uscc(random), 100_000 + i, today));
            }
            long before = count(stack, "SELECT COUNT(*) FROM notice");
            say(report, "crash before relay: " + listings + " listings decided and committed with the relay off; "
                    + "notices in sanction-service: " + before);
            Instant killed = Instant.now();
            stack.kill("credit-service");
            say(report, "credit-service killed (SIGKILL) with " + listings + " LISTED events in its outbox");
            stack.restart("credit-service", Map.of("CREDIT_RELAY_ENABLED", "true"));
            say(report, "credit-service ready again with the relay on, " + Duration.between(killed, Instant.now()).toSeconds() + " s after the kill");
            Set<String> expectedDepartments = new HashSet<>();
            Set<String> partners = new HashSet<>();
            stack.departments().stream().filter(d -> d.hasRole("PARTNER")).forEach(d -> partners.add(d.code()));
            for (JsonNode measure : enforcement.get("/api/v1/measures?subjectType=UNIT").ok()) {
                if (partners.contains(measure.get("department").asString())) {
                    expectedDepartments.add(measure.get("department").asString());
                }
            }
            long expected = (long) listings * expectedDepartments.size();
            String in = listed.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            long delivered = 0;
            Instant waitFrom = Instant.now();
            while (Duration.between(waitFrom, Instant.now()).toMinutes() < 5) {
                delivered = count(stack, "SELECT COUNT(*) FROM notice WHERE kind = 'SANCTION_START' AND status = 'DELIVERED' "
                        + "AND listing_id IN (" + in + ")");
                if (delivered >= expected) {
                    break;
                }
                Thread.sleep(1000);
            }
            long cases = count(stack, "SELECT COUNT(*) FROM sanction_case WHERE listing_id IN (" + in + ")");
            say(report, "after the restart: " + cases + " sanction cases, " + delivered + " of " + expected
                    + " notices delivered to the " + expectedDepartments.size() + " departments, "
                    + Duration.between(waitFrom, Instant.now()).toSeconds() + " s after the restart");
            say(report, "VERDICT: lost = " + (expected - delivered) + (delivered == expected && before == 0 ? " — PASS" : " — FAIL"));
        }
        Files.write(out, report);
    }

    private static long list(GatewayClient enforcement, String code, int n, LocalDate today) {
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"CHAOS-%d-%s","decisionNumber":"崇应急罚决〔2026〕混沌%d号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"混沌测试","fineAmount":1000,
                 "accidentDate":"%s","accidentGrade":"GENERAL","fineMultiple":2,"especiallySerious":true,
                 "unit":{"uscc":"%s","name":"混沌测试企业%d"},
                 "persons":[{"name":"测试人","idNumber":"320602198109110390","responsibility":"PRINCIPAL"}]}"""
                .formatted(n, code, n, today.minusMonths(3), today.minusMonths(4), code, n)).ok();
        long listing = listingOfUnit(violation);
        enforcement.post("/api/v1/listings/" + listing + "/notice", "{\"noticeDate\":\"" + today.minusDays(20) + "\",\"servedOn\":\"" + today.minusDays(20) + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/decision", "{\"decisionNumber\":\"崇应急失信〔2026〕混沌" + n
                + "号\",\"decisionDate\":\"" + today.minusDays(10) + "\"}").ok();
        return listing;
    }

    private static long listingOfUnit(JsonNode violation) {
        for (JsonNode listing : violation.get("listings")) {
            if ("UNIT".equals(listing.get("subjectType").asString())) {
                return listing.get("listingId").asLong();
            }
        }
        throw new IllegalStateException("no unit listing proposed: " + violation);
    }

    private static void acknowledgeAll(GatewayClient partner) {
        while (true) {
            JsonNode fresh = partner.get("/api/v1/notices?status=NEW&limit=500").ok();
            if (fresh.isEmpty()) {
                return;
            }
            for (JsonNode notice : fresh) {
                partner.post("/api/v1/notices/" + notice.get("id").asString() + "/ack", "{}");
            }
        }
    }

    private static Void killAndRestart(Stack stack, String service, List<String> report) throws InterruptedException {
        Instant at = Instant.now();
        stack.kill(service);
        say(report, service + " killed (SIGKILL)");
        Thread.sleep(3000);
        stack.restart(service);
        say(report, service + " ready again " + Duration.between(at, Instant.now()).toSeconds() + " s after the kill");
        return null;
    }

    private static long count(Stack stack, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("sanction"), "root", "");
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String uscc(Random random) {
        StringBuilder code = new StringBuilder("91320602");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(31)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    private static synchronized void say(List<String> report, String line) {
        System.out.println("[chaos] " + line);
        report.add(line);
    }
}
