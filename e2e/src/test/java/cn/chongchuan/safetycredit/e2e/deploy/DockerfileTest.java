package cn.chongchuan.safetycredit.e2e.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What EntrypointTest runs is read from deploy/Dockerfile, and a Dockerfile it cannot follow stops it. */
class DockerfileTest {

    @Test
    void theImageStartsTheExtractedLauncherWithTheHeapSizedFromTheContainer() {
        Dockerfile dockerfile = Dockerfile.read();
        assertThat(dockerfile.extractCommand()).containsSubsequence("java", "-Djarmode=tools", "-jar", "app.jar",
                "extract", "--layers", "--launcher");
        assertThat(dockerfile.layers()).containsExactly("extracted/dependencies/", "extracted/spring-boot-loader/",
                "extracted/snapshot-dependencies/", "extracted/application/");
        assertThat(dockerfile.entrypoint()).startsWith("java").contains("-XX:MaxRAMPercentage=75.0")
                .endsWith("org.springframework.boot.loader.launch.JarLauncher");
    }

    @Test
    void anEntrypointInShellFormIsRefused() {
        String text = """
                FROM eclipse-temurin:25-jre AS extract
                WORKDIR /build
                RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted
                FROM eclipse-temurin:25-jre
                COPY --from=extract /build/extracted/application/ ./
                ENTRYPOINT java org.springframework.boot.loader.launch.JarLauncher
                """;
        assertThatThrownBy(() -> Dockerfile.parse(text)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aDockerfileWithoutTheExtractionIsRefused() {
        String text = """
                FROM eclipse-temurin:25-jre
                COPY app.jar app.jar
                ENTRYPOINT ["java", "-jar", "app.jar"]
                """;
        assertThatThrownBy(() -> Dockerfile.parse(text)).hasMessageContaining("extraction");
    }
}
