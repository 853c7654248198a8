package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint: who may call it, and that bad parameters are named in the problem. */
@ServiceTest
class EndpointRulesTest {

    private static final String NOTICE = "00000000-0000-4000-8000-000000000000";

    @LocalServerPort
    int port;

    private Http.Response call(String method, String path, String bearer) {
        Api api = new Api(port);
        // Well-formed bodies: Spring validates a body before the role check runs on the method.
        String body = "";
        if (path.endsWith("/feedback")) {
            body = "{\"outcomes\":[{\"measureCode\":\"M-AJJ-01\",\"outcome\":\"APPLIED\",\"date\":\"2026-03-05\"}]}";
        } else if (path.startsWith("/api/v1/measures/")) {
            body = "{\"title\":\"t\",\"department\":\"AJJ\",\"legalBasis\":\"b\",\"subjectTypes\":[\"UNIT\"]}";
        } else if (path.startsWith("/api/v1/departments/") && method.equals("PUT")) {
            body = "{\"name\":\"n\",\"roles\":[\"PARTNER\"],\"enabled\":true}";
        } else if (path.equals("/internal/v1/listing-events")) {
            body = ListingEvents.aUnitListed(ListingEvents.newListingId()).json();
        }
        return switch (method) {
            case "GET" -> api.get(path, bearer);
            case "PUT" -> api.put(path, body, bearer);
            case "DELETE" -> api.delete(path, bearer);
            default -> api.post(path, body, bearer);
        };
    }

    @ParameterizedTest(name = "{0} {1} refuses {2}")
    @CsvSource({
            "POST, /internal/v1/listing-events, ADMIN",
            "PUT, /api/v1/measures/M-AJJ-01, PARTNER",
            "GET, /api/v1/departments, PARTNER",
            "GET, /api/v1/departments/AJJ, SERVICE",
            "PUT, /api/v1/departments/AJJ, ENFORCEMENT",
            "POST, /api/v1/departments/AJJ/secrets, PARTNER",
            "DELETE, /api/v1/departments/AJJ/secrets/k-000000000000, PARTNER",
            "POST, /api/v1/departments/AJJ/ed25519-keys, PARTNER",
            "GET, /api/v1/departments/AJJ/ed25519-keys, APPROVAL",
            "GET, /api/v1/departments/AJJ/ed25519-keys, SERVICE",
            "DELETE, /api/v1/departments/AJJ/ed25519-keys/pk-000000000000, PARTNER",
            "POST, /api/v1/departments/AJJ/replay-dead, PARTNER",
            "GET, /api/v1/departments/AJJ/endpoint, SERVICE",
            "GET, /api/v1/departments/AJJ/endpoint, ENFORCEMENT",
            "GET, /api/v1/departments/AJJ/endpoint/events, PARTNER",
            "POST, /api/v1/departments/AJJ/endpoint/enable, PARTNER",
            "POST, /api/v1/departments/AJJ/endpoint/disable, PARTNER",
            "GET, /api/v1/notices, SERVICE",
            "GET, /api/v1/notices, APPROVAL",
            "GET, /api/v1/notices/" + NOTICE + ", ENFORCEMENT",
            "POST, /api/v1/notices/" + NOTICE + "/ack, ADMIN",
            "POST, /api/v1/notices/" + NOTICE + "/feedback, ADMIN",
            "GET, /api/v1/notices/overdue, PARTNER",
            "GET, /api/v1/notices/flagged, PARTNER",
            "GET, /api/v1/notices/delivery-summary, PARTNER",
            "GET, /api/v1/notices/delivery-history, PARTNER",
            "GET, /api/v1/notices/" + NOTICE + "/attempts, PARTNER",
            "POST, /api/v1/notices/" + NOTICE + "/replay, PARTNER",
            "GET, /api/v1/cases/1, PARTNER"})
    void eachEndpointRefusesRolesItDoesNotServeAndCallersWithoutIdentity(String method, String path, String role) {
        Http.Response denied = call(method, path, TestTokens.bearer("AJJ", role));
        Http.Response anonymous = call(method, path, null);

        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} {1} names {2}")
    @CsvSource({
            "GET, /api/v1/notices?status=DONE, status",
            "GET, /api/v1/notices?limit=0, limit",
            "GET, /api/v1/notices/not-a-uuid, id",
            "GET, /api/v1/notices/not-a-uuid/attempts, id",
            "POST, /api/v1/notices/not-a-uuid/replay, id",
            "GET, /api/v1/notices/overdue?limit=5000, limit",
            "GET, /api/v1/notices/delivery-history?days=0, days",
            "GET, /api/v1/notices/delivery-history?days=367, days",
            "GET, /api/v1/notices/delivery-history?department=ajj, department",
            "GET, /api/v1/departments/ajj, code",
            "POST, /api/v1/departments/a/replay-dead, code",
            "GET, /api/v1/departments/ajj/endpoint, code",
            "GET, /api/v1/departments/AJJ/endpoint/events?limit=501, limit",
            "POST, /api/v1/departments/a/endpoint/enable, code",
            "POST, /api/v1/departments/a/endpoint/disable, code",
            "DELETE, /api/v1/departments/AJJ/secrets/nope, keyId",
            "DELETE, /api/v1/departments/AJJ/ed25519-keys/k-000000000000, keyId",
            "POST, /api/v1/departments/a/ed25519-keys, code",
            "GET, /api/v1/measures?department=x, department",
            "GET, /api/v1/cases/-5, listingId"})
    void badParametersAreNamedInTheProblem(String method, String path, String field) {
        Http.Response response = call(method, path, Api.admin());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
