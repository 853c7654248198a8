package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Throw-away partner departments without an endpoint (they read their feed), disabled afterwards. */
final class PullDepartments {

    private final Api api;
    private final List<String> registered = new ArrayList<>();

    PullDepartments(Api api) {
        this.api = api;
    }

    /** A new enabled PARTNER department without endpoint or secret, with one UNIT measure. */
    String register() {
        String code = TestDepartments.newCode("F");
        Http.Response department = api.put("/api/v1/departments/" + code, """
                {"name":"拉取部门%s","roles":["PARTNER"],"enabled":true,"contact":"值班室"}
                """.formatted(code), Api.admin());
        assertThat(department.status()).as(department.body()).isEqualTo(200);
        Http.Response measure = api.put("/api/v1/measures/M-" + code + "-01", """
                {"title":"测试措施","department":"%s","legalBasis":"测试依据","subjectTypes":["UNIT"]}
                """.formatted(code), Api.admin());
        assertThat(measure.status()).as(measure.body()).isEqualTo(200);
        registered.add(code);
        return code;
    }

    /** Lists a new UNIT: every enabled department with a UNIT measure gets a notice. */
    long listUnit() {
        return ListingEvents.listUnit(api);
    }

    void disableAll() {
        for (String code : registered) {
            api.put("/api/v1/departments/" + code, """
                    {"name":"拉取部门%s","roles":["PARTNER"],"enabled":false}
                    """.formatted(code), Api.admin());
        }
        registered.clear();
    }
}
