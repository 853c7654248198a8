package cn.chongchuan.safetycredit.sanction.measure;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.measure.internal.MeasureMapper;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class CatalogueTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeasureMapper measures;

    private Api api() {
        return new Api(port);
    }

    @Test
    void departmentsAndMeasuresAreSeededFromTheRepositoryFiles() {
        assertThat(jdbc.queryForObject("SELECT roles FROM department WHERE code = 'XZSPJ'", String.class))
                .isEqualTo("APPROVAL,PARTNER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE code IN ('AWB','AJJ','FGW','XZSPJ','ZJJ',"
                + "'XFDD','SCJGJ','GAFJ','ZRGHFJ','CZJ','KJJ','CGJ','WLJ','JTJ','SWJ','STHJJ','RFB')", Integer.class))
                .isEqualTo(17);
        assertThat(measures.findByCode("M-XZSPJ-01")).hasValueSatisfying(m -> {
            assertThat(m.title()).isEqualTo("限制新增项目审批、核准");
            assertThat(m.department()).isEqualTo("XZSPJ");
            assertThat(m.subjectTypes()).containsExactly("UNIT");
        });
    }

    @Test
    void theCatalogueIsServedInTheContractShapeAndFiltered() {
        Http.Response response = api().get("/api/v1/measures?department=XZSPJ&subjectType=UNIT",
                TestTokens.bearer("credit-service", "SERVICE"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.json().get(0);
        assertThat(first.get("code").asString()).isEqualTo("M-XZSPJ-01");
        assertThat(first.get("title").asString()).isEqualTo("限制新增项目审批、核准");
        assertThat(first.get("department").asString()).isEqualTo("XZSPJ");
        assertThat(first.get("legalBasis").asString()).contains("安全生产严重失信主体名单管理办法");
        assertThat(first.get("subjectTypes").get(0).asString()).isEqualTo("UNIT");
        assertThat(response.json().findValuesAsString("department")).containsOnly("XZSPJ");

        List<String> personMeasures = new ArrayList<>();
        api().get("/api/v1/measures?subjectType=PERSON", Api.partner("ZJJ")).json()
                .forEach(m -> personMeasures.add(m.get("code").asString()));
        assertThat(personMeasures).contains("M-AJJ-04", "M-SCJGJ-01").doesNotContain("M-XZSPJ-01", "M-ZJJ-01");
    }

    @Test
    void theCatalogueNeedsAnIdentityAndValidParameters() {
        assertThat(api().get("/api/v1/measures", null).status()).isEqualTo(401);

        Http.Response bad = api().get("/api/v1/measures?subjectType=COMPANY", Api.partner("ZJJ"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("subjectType");
    }

    @Test
    void onlyAdminEditsTheCatalogueAndBadEntriesNameTheField() {
        String entry = """
                {"title":"暂停安全生产许可证延期","department":"AJJ","legalBasis":"测试依据","subjectTypes":["UNIT"]}""";

        assertThat(api().put("/api/v1/measures/M-AJJ-99", entry, Api.partner("AJJ")).status()).isEqualTo(403);
        assertThat(api().put("/api/v1/measures/M-AJJ-99", entry, Api.admin()).status()).isEqualTo(200);
        assertThat(measures.findByCode("M-AJJ-99")).isPresent();

        Http.Response bad = api().put("/api/v1/measures/M-AJJ-98",
                "{\"title\":\"x\",\"department\":\"AJJ\",\"legalBasis\":\"y\",\"subjectTypes\":[\"FIRM\"]}", Api.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).startsWith("subjectTypes");

        Http.Response unknownDepartment = api().put("/api/v1/measures/M-AJJ-97",
                "{\"title\":\"x\",\"department\":\"NOPE\",\"legalBasis\":\"y\",\"subjectTypes\":[\"UNIT\"]}", Api.admin());
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(unknownDepartment.json().get("errors").get(0).get("field").asString()).isEqualTo("department");
        jdbc.update("DELETE FROM measure WHERE code = 'M-AJJ-99'");
    }
}
