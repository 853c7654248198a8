package cn.chongchuan.safetycredit.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An ID number in a request path reaches the gateway's logs only masked (first 6 and last 4 kept). */
class PersonalIdLoggingTest extends GatewayTest {

    /** A valid ID number (check character 5). */
    static final String ID_NUMBER = "320602196501030265";
    static final String MASKED = "320602********0265";

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    /** Everything a log line holds: the message, its key-value pairs and any failure. */
    String logged() {
        synchronized (captured.list) {
            return captured.list.stream().map(e -> e.getFormattedMessage() + " "
                            + (e.getKeyValuePairs() == null ? "" : e.getKeyValuePairs().toString())
                            + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                    .collect(Collectors.joining("\n"));
        }
    }

    List<String> accessLines() {
        synchronized (captured.list) {
            return captured.list.stream().filter(e -> e.getLoggerName().equals("gateway.access"))
                    .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()).toList();
        }
    }

    @Test
    void anIdNumberInTheCheckPathIsLoggedOnlyMasked() {
        String requestId = uniqueRequestId();

        var response = send(request("/api/v1/checks/" + ID_NUMBER + "?asOf=2026-01-01T00:00:00Z")
                .header("Authorization", "ApiKey " + APPROVAL_KEY).header("X-Request-Id", requestId));

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> accessLines().stream().anyMatch(l -> l.contains(requestId)));
        assertThat(accessLines()).filteredOn(l -> l.contains(requestId)).singleElement().asString()
                .contains("GET /api/v1/checks/" + MASKED + " -> 200", "path=\"/api/v1/checks/" + MASKED + "\"");
        assertThat(logged()).doesNotContain(ID_NUMBER);
    }

    @Test
    void anIdNumberInTheLogLinesOfARefusedRequestIsMaskedToo() {
        String requestId = uniqueRequestId();

        var withoutKey = send(request("/api/v1/subjects/persons/" + ID_NUMBER).header("X-Request-Id", requestId));
        var noRoute = get("/api/v1/nowhere/" + ID_NUMBER);

        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(noRoute.statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).until(() -> accessLines().size() >= 2);
        assertThat(logged()).contains("path=\"/api/v1/subjects/persons/" + MASKED + "\"").doesNotContain(ID_NUMBER);
    }
}
