package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.catalogue.domain.CriterionSource;
import cn.chongchuan.safetycredit.credit.catalogue.domain.FactCondition;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as loaded from seeds/criteria.yaml says what 应急管理部令第11号 says: each criterion
 * quotes its item and cites article and item; the two items the issue flagged keep their full
 * wording; the two not checked against the text stay disabled; only 区应急管理局 decides.
 */
@ServiceTest
class CriteriaWordingTest {

    private static final Pattern ARTICLE_AND_ITEM =
            Pattern.compile("（应急管理部令第11号）第[六七]条第（[一二三四五]）项");

    @Autowired
    CatalogueService catalogue;
    @LocalServerPort
    int port;

    @Test
    void everyOrderElevenCriterionCitesItsArticleAndItem() {
        assertThat(catalogue.criteria()).hasSize(9).allSatisfy(c -> {
            assertThat(c.source()).isEqualTo(CriterionSource.ORDER_11);
            assertThat(c.legalBasis()).as(c.code()).startsWith("《安全生产严重失信主体名单管理办法》").containsPattern(ARTICLE_AND_ITEM);
        });
        assertThat(catalogue.criteria()).extracting(Criterion::legalBasis).map(b -> b.replaceAll("^.*?）第", "第")
                .replaceAll("项.*$", "项")).containsExactly("第六条第（一）项", "第六条第（二）项", "第六条第（三）项",
                "第六条第（四）项", "第六条第（五）项", "第七条第（一）项", "第七条第（二）项", "第七条第（三）项",
                "第七条第（四）项");
    }

    @Test
    void situationThreeKeepsTheAggravationTheOrderRequires() {
        Criterion three = catalogue.criterion("OM11-03").orElseThrow();

        assertThat(three.title()).contains("情节特别严重、影响特别恶劣", "第一百一十四条", "2倍以上5倍以下");
        assertThat(three.legalBasis()).contains("第一百一十四条第二款");
        assertThat(three.condition()).isEqualTo(FactCondition.AGGRAVATED_ACCIDENT_FINE);
    }

    @Test
    void situationSevenIsWordedAsTheOrderWordsIt() {
        Criterion seven = catalogue.criterion("OM11-07").orElseThrow();

        assertThat(seven.title()).isEqualTo("承担安全评价、认证、检测、检验职责的机构及其直接责任人员租借资质、挂靠、出具虚假报告或者证书的");
        assertThat(seven.listsUnit()).isTrue();
        assertThat(seven.listsOtherPersons()).isTrue();
        assertThat(seven.condition()).isEqualTo(FactCondition.NO_ACCIDENT);
    }

    @Test
    void theItemsNotCheckedAgainstTheTextStayDisabledAndSaySo() {
        for (String code : new String[] {"OM11-08", "OM11-09"}) {
            Criterion criterion = catalogue.criterion(code).orElseThrow();
            assertThat(criterion.enabled()).as(code).isFalse();
            assertThat(criterion.title()).as(code).startsWith("（待核）");
            assertThat(criterion.legalBasis()).as(code).endsWith("（原文待核）");
        }
    }

    @Test
    void onlyTheEmergencyManagementBureauDecidesOrderElevenListings() {
        assertThat(catalogue.criteria()).allSatisfy(c -> assertThat(c.competentDepartments()).containsExactly("AJJ"));
    }

    @Test
    void theCatalogueEndpointShowsSourceConditionAndCompetentDepartments() {
        JsonNode criteria = Http.local(port).get("/api/v1/criteria", "Authorization",
                TestTokens.bearer("ZJJ", "ENFORCEMENT")).json();

        JsonNode two = criteria.get(1);
        assertThat(two.get("code").asString()).isEqualTo("OM11-02");
        assertThat(two.get("source").asString()).isEqualTo("ORDER_11");
        assertThat(two.get("condition").asString()).isEqualTo("REPEATED_LARGER_ACCIDENTS");
        assertThat(two.get("accidentRelated").asBoolean()).isTrue();
        assertThat(two.get("competentDepartments").get(0).asString()).isEqualTo("AJJ");
        assertThat(two.get("windowMonths").asInt()).isEqualTo(12);
    }
}
