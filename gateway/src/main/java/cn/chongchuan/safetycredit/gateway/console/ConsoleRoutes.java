package cn.chongchuan.safetycredit.gateway.console;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

/**
 * The web console's entry points: {@code /} and {@code /console} lead to {@code /console/}, which
 * answers the console's page. Its scripts and styles under {@code /console/**} are the console
 * module's static files ({@code spring.web.resources}, application.yml).
 */
public final class ConsoleRoutes {

    public static final String HOME = "/console/";
    private static final Resource PAGE = new ClassPathResource("META-INF/resources/console/index.html");

    private ConsoleRoutes() {
    }

    public static RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route(RequestPredicates.GET(HOME),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache()).bodyValue(PAGE))
                .andRoute(RequestPredicates.GET("/").or(RequestPredicates.GET("/console")),
                        request -> ServerResponse.temporaryRedirect(URI.create(HOME)).build());
    }
}
