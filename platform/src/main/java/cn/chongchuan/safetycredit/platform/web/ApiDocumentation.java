package cn.chongchuan.safetycredit.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Each service's OpenAPI description at {@code /v3/api-docs} (springdoc), written for the reader
 * at the gateway: the gateway's address as the server, the department API key as the credential
 * (public paths need none), and nothing of {@code /internal/**}, which the gateway never routes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
class ApiDocumentation {

    static final String API_KEY = "departmentApiKey";

    static {
        // Filled in from the token, never sent by the client.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI serviceApiDescription(@Value("${spring.application.name:safety-credit}") String service) {
        return new OpenAPI()
                .info(new Info().title("崇川区安全生产失信惩戒 — " + service).version("v1")
                        .description("Called through the gateway with the department's API key "
                                + "(Authorization: ApiKey <key>, or X-Api-Key). Errors are RFC 9457 problems."))
                .servers(List.of(new Server().url("/").description("the gateway")))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")
                        .description("the department's API key; Authorization: ApiKey <key> works too")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    OpenApiCustomizer publicPathsAndNoInternals() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().keySet().removeIf(path -> path.startsWith("/internal/"));
            api.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/public/")) {
                    item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
                }
            });
        };
    }
}
