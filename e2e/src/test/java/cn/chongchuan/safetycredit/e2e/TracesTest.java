package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.PartnerStubs;
import cn.chongchuan.safetycredit.devstack.Stack;
import cn.chongchuan.safetycredit.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces on the running system, exported to an OTLP receiver in this JVM (RunningStack turns
 * tracing on as an operator does): a listing decided through the gateway is one trace from the
 * gateway through credit-service, its outbox relay (later, on another thread), sanction-service's
 * intake and the delivery of each notice (later again) to the partner's endpoint, which receives
 * the same trace as its traceparent header; the log lines carry the trace id; no span carries a
 * personal ID number.
 */
class TracesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final Duration EXPORTED = Duration.ofSeconds(60);
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern ID_SHAPED = Pattern.compile("(?=(\\d{17}[\\dX]))");

    private static Stack stack;
    private static OtlpReceiver traces;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
        traces = RunningStack.traces();
    }

    @Test
    void aDecidedListingIsOneTraceFromTheGatewayThroughTheOutboxAndTheNoticeToThePartner() {
        GatewayClient enforcement = stack.as("AJJ");
        GatewayClient admin = stack.as("AWB");
        String uscc = randomUscc();
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"崇应急罚〔2025〕TRACE-%s号","decisionNumber":"崇应急罚决〔2025〕TRACE号",
                 "decisionDate":"%s","criterionCode":"OM11-03","description":"追踪检查：发生一般事故，被处以二倍罚款",
                 "fineAmount":600000,"accidentDate":"%s","accidentGrade":"GENERAL","fineMultiple":2,"especiallySerious":true,
                 "unit":{"uscc":"%s","name":"南通崇川追踪检查有限公司"},
                 "persons":[{"name":"追踪人","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(uscc, TODAY.minusMonths(15), TODAY.minusMonths(17), uscc,
                        IdNumbersInLogsTest.randomIdNumber())).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"NOTICE\",\"date\":\""
                + TODAY.minusMonths(14) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"DECISION\",\"date\":\""
                + TODAY.minusMonths(13) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/notice", "{\"noticeDate\":\"" + TODAY.minusMonths(14)
                + "\",\"servedOn\":\"" + TODAY.minusMonths(14) + "\",\"serviceMethod\":\"DIRECT\","
                + "\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        String decision = "/api/v1/listings/" + listing + "/decision";
        assertThat(enforcement.post(decision, "{\"decisionNumber\":\"崇应急失信〔2025〕TRACE号\",\"decisionDate\":\""
                + TODAY.minusMonths(13) + "\"}").ok().get("state").asString()).isEqualTo("LISTED");

        // The gateway started the decision's trace (the client sent no traceparent).
        String traceId = await().atMost(EXPORTED).until(() -> traces.spans().stream()
                .filter(span -> span.service().equals("gateway") && span.kind().equals("SPAN_KIND_SERVER"))
                .filter(span -> mentions(span, decision)).map(ReceivedSpan::traceId).findFirst().orElse(null),
                id -> id != null);

        // Every hop, the two asynchronous ones included, is in that same trace.
        await().atMost(EXPORTED).untilAsserted(() -> {
            List<ReceivedSpan> trace = traces.trace(traceId);
            assertThat(trace).as("credit-service answering the decision").anyMatch(span ->
                    span.service().equals("credit-service") && span.kind().equals("SPAN_KIND_SERVER")
                            && mentions(span, decision));
            assertThat(trace).as("the outbox relay sending the listing event").anyMatch(span ->
                    span.service().equals("credit-service") && span.name().equals("credit.outbox.relay"));
            assertThat(trace).as("sanction-service taking the event in").anyMatch(span ->
                    span.service().equals("sanction-service") && span.kind().equals("SPAN_KIND_SERVER")
                            && mentions(span, "/internal/v1/listing-events"));
            assertThat(trace).as("sanction-service delivering the notices").anyMatch(span ->
                    span.service().equals("sanction-service") && span.name().equals("sanction.notice.delivery"));
        });

        // Each partner's notice came with a traceparent of that trace.
        await().atMost(EXPORTED).until(() -> !noticesOf(listing).isEmpty());
        List<PartnerStubs.Received> notices = noticesOf(listing);
        assertThat(notices).extracting(PartnerStubs.Received::traceparent)
                .allSatisfy(traceparent -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01"));

        // The logs carry the trace id: the gateway's access line of the decision (logged on a Reactor
        // thread), sanction-service's line of the fan-out.
        String traceField = "\"traceId\":\"" + traceId + "\"";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(lines(stack.logDir().resolve("gateway.log")))
                    .anyMatch(line -> line.contains("POST " + decision + " -> 200") && line.contains(traceField));
            assertThat(lines(stack.logDir().resolve("sanction-service.log")))
                    .anyMatch(line -> line.contains("listing " + listing + " (SANCTION_START") && line.contains(traceField));
        });
    }

    @Test
    void noSpanCarriesAPersonalIdNumberThatACallerPutInAPathOrAQuery() {
        GatewayClient approval = stack.as("XZSPJ");
        GatewayClient admin = stack.as("AWB");
        String idNumber = IdNumbersInLogsTest.randomIdNumber();
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        assertThat(approval.get("/api/v1/checks/" + idNumber).status()).isEqualTo(400);
        admin.get("/api/v1/checks/audit?code=" + idNumber);
        admin.get("/api/v1/public/listings?code=" + idNumber);
        // Refused in a body (a wrong check character): had its exception been recorded on the span, its
        // message would be a span event.
        String misspelt = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        assertThat(stack.as("AJJ").post("/api/v1/subjects/persons/search", "{\"idNumber\":\"" + misspelt + "\"}")
                .status()).isEqualTo(400);

        // Both the gateway and credit-service recorded the refused requests (the path masked): the spans are in.
        await().atMost(EXPORTED).untilAsserted(() -> assertThat(traces.spans())
                .anyMatch(span -> span.service().equals("gateway") && mentions(span, "/api/v1/checks/" + masked))
                .anyMatch(span -> span.service().equals("credit-service") && mentions(span, "/api/v1/checks/" + masked))
                .anyMatch(span -> span.service().equals("credit-service") && mentions(span, "/api/v1/checks/audit"))
                .anyMatch(span -> span.service().equals("credit-service")
                        && mentions(span, "/api/v1/subjects/persons/search")));
        List<String> found = new ArrayList<>();
        for (ReceivedSpan span : traces.spans()) {
            List<String> texts = new ArrayList<>(span.attributes().values());
            texts.addAll(span.events().values());
            texts.add(span.name());
            for (String text : texts) {
                if (text.contains(idNumber.substring(0, 17))) {
                    found.add(span.service() + " " + span.name() + ": " + text);
                }
                Matcher shaped = ID_SHAPED.matcher(text);
                while (shaped.find()) {
                    if (IdNumbersInLogsTest.isValidIdNumber(shaped.group(1))) {
                        found.add(span.service() + " " + span.name() + ": " + text);
                    }
                }
            }
        }
        assertThat(found).as("ID numbers in span names, attributes and events").isEmpty();
    }

    private static boolean mentions(ReceivedSpan span, String path) {
        return span.attributes().values().stream().anyMatch(value -> value.contains(path)) || span.name().contains(path);
    }

    private static List<PartnerStubs.Received> noticesOf(long listing) {
        return stack.partners().received().stream()
                .filter(r -> r.listingId() == listing && r.kind().equals("SANCTION_START")).toList();
    }

    private static List<String> lines(Path log) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid unified social credit code of a 崇川区 company, different at every run. */
    private static String randomUscc() {
        StringBuilder code = new StringBuilder("91320602");
        for (int i = 0; i < 9; i++) {
            code.append(USCC_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return code.append(USCC_ALPHABET.charAt(check == 31 ? 0 : check)).toString();
    }
}
