import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare ceiling of issue 19: a minimal Spring Boot MVC app (virtual threads, no security, no
 * actuator, no database) answering {@code GET /api/v1/checks/{code}} with a constant JSON body of
 * the size of a real cached check answer. It is not part of any service jar and not built by Maven:
 * bench/gateway/run.sh compiles it with javac into target/ against a few jars of credit-service's
 * BOOT-INF/lib (the same Spring Boot, Spring MVC, Tomcat and Jackson versions), so that nothing
 * else (security, data sources, metrics) is auto-configured.
 *
 * javac -parameters -d DIR -cp JARS BareCeiling.java; java -cp DIR:JARS BareCeiling --server.port=PORT --ceiling.bytes=N
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BareCeiling.Check.class)
public class BareCeiling {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareCeiling.class);
        application.setDefaultProperties(java.util.Map.of("spring.threads.virtual.enabled", "true"));
        application.run(args);
    }

    @RestController
    static class Check {

        private final String answer;

        Check(org.springframework.core.env.Environment environment) {
            int bytes = environment.getRequiredProperty("ceiling.bytes", Integer.class);
            String head = "{\"code\":\"913200000000000000\",\"answer\":\"CLEAR\",\"pad\":\"";
            String tail = "\"}";
            answer = head + "x".repeat(Math.max(0, bytes - head.length() - tail.length())) + tail;
        }

        @GetMapping("/api/v1/checks/{code}")
        ResponseEntity<String> check(@PathVariable String code) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        }
    }
}
