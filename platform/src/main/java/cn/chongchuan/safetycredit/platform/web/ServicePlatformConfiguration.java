package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.calendar.boot.CalendarProblemTranslator;
import cn.chongchuan.safetycredit.platform.problem.ApiProblemHandler;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import cn.chongchuan.safetycredit.platform.tracing.TracingConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * What every service behind the gateway shares: it trusts only internal tokens signed with the
 * shared key, answers nothing but health probes without one, declares roles per endpoint
 * ({@code @PreAuthorize}), tags each request with an id, and answers errors as problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(InternalTokenProperties.class)
@Import({ApiProblemHandler.class, CallerController.class, ApiDocumentation.class, CalendarProblemTranslator.class,
        TracingConfiguration.class})
public class ServicePlatformConfiguration implements WebMvcConfigurer {

    /**
     * Paths answered without any token: the health probes only (on the service port, for the
     * gateway's instance probes and Kubernetes). Everything else, the public disclosure API
     * included, needs a token the gateway signed: a public route carries the gateway's anonymous
     * token ({@link InternalTokens#PUBLIC}), so a request that bypasses the gateway gets nothing.
     */
    public static final String[] OPEN_PATHS = {"/livez", "/readyz", "/error"};

    /** Paths of the public routes: any token the gateway signed, its anonymous one included. */
    public static final String[] PUBLIC_PATHS = {"/api/v1/public/**", "/v3/api-docs", "/v3/api-docs/**"};

    /**
     * The roles of keyed callers, and SERVICE for the services' calls to each other (credit-service
     * reads the measure catalogue); the anonymous token has none of them.
     */
    private static final String[] CALLER_ROLES = {"ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", "SERVICE"};

    @Bean
    InternalTokens internalTokens(InternalTokenProperties properties) {
        return new InternalTokens(properties, Clock.systemUTC());
    }

    @Bean
    JwtDecoder internalTokenDecoder(InternalTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    ProblemWritingSecurityHandlers problemWritingSecurityHandlers(JsonMapper json) {
        return new ProblemWritingSecurityHandlers(json);
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWritingSecurityHandlers problems,
            Environment environment) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        // The management port (metrics, health details) is for the operators' network
                        // only: it is bound apart from the service port and never routed by the gateway.
                        .requestMatchers(onManagementPort(environment)).permitAll()
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(PUBLIC_PATHS).authenticated()
                        // Service-to-service only, refused before the body is even read.
                        .requestMatchers("/internal/**").hasRole("SERVICE")
                        .requestMatchers("/api/**").hasAnyRole(CALLER_ROLES)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(callerAuthentication()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Requests that arrived on the management server's own port ({@code management.server.port}).
     * Never true when management shares the service port: then actuator paths other than the
     * health probes are refused like any unknown path.
     */
    static RequestMatcher onManagementPort(Environment environment) {
        return request -> {
            String managementPort = environment.getProperty("local.management.port");
            String servicePort = environment.getProperty("local.server.port");
            return managementPort != null && !managementPort.equals(servicePort)
                    && managementPort.equals(String.valueOf(request.getLocalPort()));
        };
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    /** Roles claim → {@code ROLE_*} authorities; the principal's name is the department code. */
    static Converter<Jwt, AbstractAuthenticationToken> callerAuthentication() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(InternalTokens.DEPARTMENT_CLAIM);
        converter.setJwtGrantedAuthoritiesConverter(ServicePlatformConfiguration::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(InternalTokens.ROLES_CLAIM);
        return roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
