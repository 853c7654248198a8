package cn.chongchuan.safetycredit.platform.testing;

import cn.chongchuan.safetycredit.platform.token.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for tests against a running service: real requests over loopback. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Http local(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET());
    }

    /** A GET as the gateway forwards a public route's request: with its anonymous token. */
    public Response getPublic(String path, String... headers) {
        return send(builder(path, headers).header("Authorization", TestTokens.publicBearer()).GET());
    }

    public Response postJson(String path, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            // A test token kept in a constant may be older than its 60 s: send one minted now.
            builder.header(headers[i], "Authorization".equalsIgnoreCase(headers[i]) ? TestTokens.fresh(headers[i + 1]) : headers[i + 1]);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, body and headers of one response. */
    public record Response(int status, String body, String contentType, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
