package cn.chongchuan.safetycredit.sanction.testing;

import cn.chongchuan.safetycredit.platform.testing.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers throw-away partner departments (each with one UNIT measure, a signing secret and an
 * endpoint on the WireMock server) and disables them afterwards, so later fan-outs leave them out.
 */
public final class TestDepartments {

    private final Api api;
    private final List<String> registered = new ArrayList<>();

    public TestDepartments(Api api) {
        this.api = api;
    }

    /** A new department code like T12345A. */
    public static String newCode(String suffix) {
        return "T" + ThreadLocalRandom.current().nextInt(10_000, 99_999) + suffix;
    }

    /** Registers the department pushing to {@code path} on the partner server; returns its signing secret. */
    public String register(String code, String path) {
        Http.Response department = api.put("/api/v1/departments/" + code, """
                {"name":"测试部门%s","roles":["PARTNER"],"endpointUrl":"%s","enabled":true,"contact":"值班室"}
                """.formatted(code, PartnerEndpoints.url(path)), Api.admin());
        assertThat(department.status()).as(department.body()).isEqualTo(200);
        Http.Response secret = api.post("/api/v1/departments/" + code + "/secrets", "", Api.admin());
        assertThat(secret.status()).as(secret.body()).isEqualTo(201);
        Http.Response measure = api.put("/api/v1/measures/M-" + code + "-01", """
                {"title":"测试措施","department":"%s","legalBasis":"测试依据","subjectTypes":["UNIT"]}
                """.formatted(code), Api.admin());
        assertThat(measure.status()).as(measure.body()).isEqualTo(200);
        registered.add(code);
        return secret.json().get("secret").asString();
    }

    /** Creates an Ed25519 key pair for the department; returns its public key (whpk_…). */
    public String addEd25519Key(String code) {
        Http.Response created = api.post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("publicKey").asString();
    }

    public void disableAll() {
        for (String code : registered) {
            api.put("/api/v1/departments/" + code, """
                    {"name":"测试部门%s","roles":["PARTNER"],"enabled":false}
                    """.formatted(code), Api.admin());
        }
        registered.clear();
    }
}
