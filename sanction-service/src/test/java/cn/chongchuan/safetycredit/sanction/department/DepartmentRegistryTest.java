package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class DepartmentRegistryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api() {
        return new Api(port);
    }

    @Test
    void everyRegistryEndpointIsForAdminOnly() {
        String partner = Api.partner("ZJJ");
        String body = "{\"name\":\"x\",\"roles\":[\"PARTNER\"],\"enabled\":true}";

        assertThat(api().get("/api/v1/departments", partner).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/departments/ZJJ", partner).status()).isEqualTo(403);
        assertThat(api().put("/api/v1/departments/ZJJ", body, partner).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/departments/ZJJ/secrets", "", partner).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/departments/ZJJ/secrets/k-000000000000", partner).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/departments/ZJJ/replay-dead", "", partner).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/notices/delivery-summary", TestTokens.bearer("credit-service", "SERVICE")).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/departments", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/departments", Api.admin()).json().findValuesAsString("code"))
                .contains("AWB", "XZSPJ", "RFB");
    }

    @Test
    void aBadRegistrationIsRefusedNamingTheField() {
        Http.Response badUrl = api().put("/api/v1/departments/ZJJ",
                "{\"name\":\"区住建局\",\"roles\":[\"PARTNER\"],\"endpointUrl\":\"ftp://x\",\"enabled\":true}", Api.admin());
        Http.Response badRole = api().put("/api/v1/departments/ZJJ",
                "{\"name\":\"区住建局\",\"roles\":[\"KING\"],\"enabled\":true}", Api.admin());
        Http.Response noName = api().put("/api/v1/departments/ZJJ",
                "{\"roles\":[\"PARTNER\"],\"enabled\":true}", Api.admin());
        Http.Response badCode = api().put("/api/v1/departments/zjj!",
                "{\"name\":\"x\",\"roles\":[\"PARTNER\"],\"enabled\":true}", Api.admin());

        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("endpointUrl");
        assertThat(badRole.json().get("errors").get(0).get("field").asString()).startsWith("roles");
        assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void aRotatedSecretIsShownOnceAndStoredOnlyEncrypted() {
        String code = TestDepartments.newCode("K");
        api().put("/api/v1/departments/" + code, "{\"name\":\"测试\",\"roles\":[\"PARTNER\"],\"enabled\":false}", Api.admin());

        Http.Response first = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin());
        Http.Response second = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin());
        Http.Response third = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin());

        assertThat(first.status()).isEqualTo(201);
        String secret = third.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        // At most two valid at once: the newest and the one before it.
        assertThat(third.json().get("activeKeyIds").valueStream().map(n -> n.asString()))
                .containsExactly(third.json().get("keyId").asString(), second.json().get("keyId").asString());
        Http.Response view = api().get("/api/v1/departments/" + code, Api.admin());
        assertThat(view.body()).doesNotContain(secret, second.json().get("secret").asString());
        assertThat(view.json().get("activeSecrets").findValuesAsString("fingerprint"))
                .contains(third.json().get("fingerprint").asString());
        byte[] stored = jdbc.queryForObject("SELECT encrypted_secret FROM department_secret WHERE key_id = ?",
                byte[].class, third.json().get("keyId").asString());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret.substring(6, 20));
        assertThat(api().post("/api/v1/departments/NOSUCH/secrets", "", Api.admin()).status()).isEqualTo(404);
    }
}
