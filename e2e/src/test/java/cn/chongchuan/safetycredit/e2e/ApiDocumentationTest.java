package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole API in one place: each service's OpenAPI description through the gateway, one Swagger
 * UI that lists both, and every documented operation covered by the role matrix.
 */
class ApiDocumentationTest {

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void bothServicesPublishTheirDescriptionThroughTheGatewayWithoutAKey() {
        JsonNode credit = stack.anonymous().get("/v3/api-docs/credit-service").ok();
        JsonNode sanction = stack.anonymous().get("/v3/api-docs/sanction-service").ok();

        assertThat(credit.get("openapi").asString()).startsWith("3.");
        assertThat(fieldNames(credit.get("paths"))).contains("/api/v1/violations", "/api/v1/checks/{code}",
                "/api/v1/public/listings");
        assertThat(fieldNames(sanction.get("paths"))).contains("/api/v1/notices/{id}/feedback", "/api/v1/measures");
        for (JsonNode document : List.of(credit, sanction)) {
            assertThat(fieldNames(document.get("paths"))).as("the gateway never routes /internal/**")
                    .noneMatch(path -> path.startsWith("/internal/") || path.startsWith("/actuator"));
            assertThat(document.get("components").get("securitySchemes").has("departmentApiKey")).isTrue();
            assertThat(document.toString()).as("the caller comes from the token, never from a parameter")
                    .doesNotContain("\"name\":\"caller\"");
        }
        JsonNode publicList = credit.get("paths").get("/api/v1/public/listings").get("get");
        assertThat(publicList.get("security")).as("public paths need no key").isEmpty();
    }

    @Test
    void oneSwaggerUiAtTheGatewayListsBothServices() {
        GatewayClient.Answer page = stack.anonymous().get("/swagger-ui.html");
        assertThat(page.status()).as(page.raw()).isIn(200, 302);
        JsonNode config = stack.anonymous().get("/v3/gateway-api-docs/swagger-config").ok();
        List<String> urls = new ArrayList<>();
        config.get("urls").forEach(url -> urls.add(url.get("url").asString()));
        assertThat(urls).containsExactlyInAnyOrder("/v3/api-docs/credit-service", "/v3/api-docs/sanction-service");
    }

    @Test
    void everyDocumentedOperationIsACellOfTheRoleMatrix() {
        List<String> missing = new ArrayList<>();
        for (String service : List.of("credit-service", "sanction-service")) {
            JsonNode paths = stack.anonymous().get("/v3/api-docs/" + service).ok().get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                String pattern = path.getKey().replaceAll("\\{[^}]+}", "[^/]+");
                for (String method : fieldNames(path.getValue())) {
                    String verb = method.toUpperCase(Locale.ROOT);
                    boolean covered = RoleMatrixTest.routes().stream().anyMatch(route -> route.method().equals(verb)
                            && route.path().split("\\?")[0].matches(pattern));
                    if (!covered) {
                        missing.add(verb + " " + path.getKey());
                    }
                }
            }
        }
        assertThat(missing).as("documented operations the role matrix does not test").isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
