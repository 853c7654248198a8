package cn.chongchuan.safetycredit.gateway;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console is served by the gateway itself, same origin as the API, with browser protections. */
class ConsoleTest extends GatewayTest {

    @Test
    void theConsolePageIsServedWithAPolicyThatAllowsNothingButThisOrigin() {
        HttpResponse<String> page = get("/console/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "js/app.js").doesNotContain("http://", "https://");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void theRootAndTheBareConsolePathLeadToTheConsole() {
        for (String path : new String[] {"/", "/console"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(307);
            assertThat(response.headers().firstValue("Location")).as(path).contains("/console/");
        }
    }

    @Test
    void theConsolesScriptsAndStylesAreServedLocally() {
        HttpResponse<String> script = get("/console/js/app.js");
        HttpResponse<String> style = get("/console/css/console.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void anUnknownConsoleFileOrAStaticFileOutsideTheConsoleIsAProblem404() {
        assertProblem(get("/console/js/no-such-file.js"), 404, "http-404");
        assertProblem(get("/index.html"), 404, "http-404");
        assertProblem(get("/console/../application.yml"), 400, "validation");
    }
}
