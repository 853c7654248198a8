package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.problem.ApiProblemHandler;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.convert.converter.Converter;
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
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * What every service behind the gateway shares: it trusts only internal tokens signed with the
 * shared key, opens only public and health endpoints, declares roles per endpoint
 * ({@code @PreAuthorize}), tags each request with an id, and answers errors as problems.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(InternalTokenProperties.class)
@Import({ApiProblemHandler.class, CallerController.class, ApiDocumentation.class})
public class ServicePlatformConfiguration implements WebMvcConfigurer {

    /** Paths anyone may call: the public disclosure API, health probes and the API description. */
    public static final String[] OPEN_PATHS = {
            "/api/v1/public/**", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/error"};

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
    SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWritingSecurityHandlers problems)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(OPEN_PATHS).permitAll()
                        // Service-to-service only, refused before the body is even read.
                        .requestMatchers("/internal/**").hasRole("SERVICE")
                        .requestMatchers("/api/**").authenticated()
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
