package cn.chongchuan.safetycredit.devstack;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo data set of the local run, entered through the gateway exactly as the departments would:
 * units of 崇川区 with valid codes, their responsible persons, violations, and a listing in each state
 * of the procedure that can be reached today (EXPIRED needs three years to pass).
 */
public final class DemoData {

    /** The enforcement department of the demo (区应急管理局). */
    public static final String ENFORCEMENT = "AJJ";

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One demo unit, its 主要负责人, the criterion, and where its listing should end up. */
    private record Case(String uscc, String unit, String principal, String principalId, String criterion, Target target) {
    }

    private enum Target { PROPOSED, NOTIFIED, LISTED, REPAIRED, RESTORED, DROPPED, REVOKED, PROPOSED_BY_COUNT }

    // Codes made with the project's own CodeGenerator (seed 20261129), so every check character is right.
    private static final List<Case> CASES = List.of(
            new Case("9132060245NFWY6E2T", "南通崇川宏达化工有限公司", "陈建华", "320602196501030265", "OM11-03", Target.PROPOSED),
            new Case("913206029HTK3Y1T1T", "南通市崇川区鑫源建筑工程有限公司", "刘志强", "320611196702047115", "OM11-06", Target.NOTIFIED),
            new Case("91320602GU5Q36LRRH", "南通崇川顺通物流有限公司", "王秀英", "320602196903050840", "OM11-04", Target.LISTED),
            new Case("91320602T4GQ69U5A9", "南通崇川金盛机械制造有限公司", "赵国庆", "320611197104067372", "OM11-03", Target.REPAIRED),
            new Case("91320602WEWJ51JBFG", "南通崇川瑞丰食品有限公司", "孙丽华", "320602197305071865", "OM11-01", Target.RESTORED),
            new Case("91320602JMDDEFNMA0", "南通崇川安达检测技术有限公司", "周文斌", "320611197506080721", "OM11-07", Target.DROPPED),
            new Case("91320602P1FRNHDJYY", "南通崇川永盛纺织有限公司", "吴海燕", "320602197707091690", "OM11-03", Target.REVOKED),
            new Case("91320602CCE7YGHKJD", "南通崇川华强建材有限公司", "郑伟", "320611197908104570", "OM11-02", Target.PROPOSED_BY_COUNT));

    private final GatewayClient enforcement;
    private final GatewayClient admin;
    private final Consumer<String> say;
    private final LocalDate today = LocalDate.now(ZONE);
    private int sequence;

    private DemoData(Stack stack, Consumer<String> say) {
        this.enforcement = stack.as(ENFORCEMENT);
        this.admin = stack.as(stack.adminCode());
        this.say = say;
    }

    /** The ID numbers of the demo's persons (tests assert that no log holds them in full). */
    public static List<String> personIds() {
        return CASES.stream().map(Case::principalId).toList();
    }

    /** Enters the whole data set; returns the listing id of each demo unit by name. */
    public static Map<String, Long> load(Stack stack, Consumer<String> say) {
        return new DemoData(stack, say).loadAll();
    }

    private Map<String, Long> loadAll() {
        Map<String, Long> listings = new LinkedHashMap<>();
        for (Case demo : CASES) {
            long id = switch (demo.target()) {
                case PROPOSED -> unitListing(record(demo, today.minusDays(3)));
                case NOTIFIED -> notice(unitListing(record(demo, today.minusDays(6))), today.minusDays(2));
                // Decisions come 20 days or more after the notice: five working days can take 15 calendar
                // days across a long holiday (2020's Spring Festival), and the run must work on any day.
                case LISTED -> listed(demo, today.minusDays(50), today.minusDays(40), today.minusDays(20));
                case REPAIRED -> approveRepair(listed(demo, today.minusMonths(14), today.minusMonths(14).plusDays(2),
                        today.minusMonths(13)));
                case RESTORED -> revokeRepair(approveRepair(listed(demo, today.minusMonths(15),
                        today.minusMonths(15).plusDays(2), today.minusMonths(14))));
                case DROPPED -> post("/api/v1/listings/%d/drop", notice(unitListing(record(demo, today.minusDays(30))),
                        today.minusDays(25)), "{\"reason\":\"当事人陈述申辩理由成立，不予列入\"}", enforcement);
                case REVOKED -> post("/api/v1/listings/%d/revocation", listed(demo, today.minusDays(75),
                        today.minusDays(65), today.minusDays(40)),
                        "{\"reason\":\"主体认定错误，撤销列入\",\"evidence\":[\"复核意见书〔2026〕2号\"]}", admin);
                case PROPOSED_BY_COUNT -> {
                    record(demo, today.minusMonths(7));
                    yield unitListing(record(demo, today.minusDays(12)));
                }
            };
            listings.put(demo.unit(), id);
            say.accept(String.format("  %-9s %s (listing %d)", demo.target() == Target.PROPOSED_BY_COUNT ? "PROPOSED" : demo.target(),
                    demo.unit(), id));
        }
        return listings;
    }

    private JsonNode record(Case demo, LocalDate decisionDate) {
        sequence++;
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", demo.principal());
        person.put("idNumber", demo.principalId());
        person.put("responsibility", demo.criterion().equals("OM11-07") ? "OTHER" : "PRINCIPAL");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", "崇应急罚〔" + decisionDate.getYear() + "〕DEMO-" + demo.uscc().substring(8) + "-" + sequence + "号");
        body.put("decisionNumber", "崇应急罚决〔" + decisionDate.getYear() + "〕" + (100 + sequence) + "号");
        body.put("decisionDate", decisionDate.toString());
        body.put("criterionCode", demo.criterion());
        body.put("description", "经查，" + demo.unit() + "未依法落实安全生产主体责任（演示数据）");
        body.put("fineAmount", 300000 + sequence * 10000);
        body.putAll(facts(demo.criterion(), decisionDate));
        body.put("unit", Map.of("uscc", demo.uscc(), "name", demo.unit()));
        body.put("persons", List.of(person));
        return enforcement.post("/api/v1/violations", GatewayClient.json(body)).ok();
    }

    /**
     * The facts each criterion is decided from (issue 12, point 4): the accident 40 days before the
     * decision, graded as the criterion needs (重大 for 1, 较大 for 2, 一般 for 3 and 4), and for 3 a fine of
     * twice the amount of 安全生产法第一百一十四条第一款 for an accident 情节特别严重、影响特别恶劣; none for
     * 第七条 (no accident).
     */
    private static Map<String, Object> facts(String criterion, LocalDate decisionDate) {
        String accident = decisionDate.minusDays(40).toString();
        return switch (criterion) {
            case "OM11-01" -> Map.of("accidentDate", accident, "accidentGrade", "MAJOR");
            case "OM11-02" -> Map.of("accidentDate", accident, "accidentGrade", "LARGER");
            case "OM11-03" -> Map.of("accidentDate", accident, "accidentGrade", "GENERAL", "fineMultiple", 2,
                    "especiallySerious", true);
            case "OM11-04", "OM11-05" -> Map.of("accidentDate", accident, "accidentGrade", "GENERAL");
            default -> Map.of();
        };
    }

    private static long unitListing(JsonNode violation) {
        for (JsonNode listing : violation.get("listings")) {
            if ("UNIT".equals(listing.get("subjectType").asString())) {
                return listing.get("listingId").asLong();
            }
        }
        throw new IllegalStateException("the violation proposed no unit listing: " + violation);
    }

    private long notice(long listing, LocalDate day) {
        confirmIfBackdated(listing, "NOTICE", day);
        return post("/api/v1/listings/%d/notice", listing, "{\"noticeDate\":\"" + day + "\",\"servedOn\":\"" + day + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}",
                enforcement);
    }

    /** Violation, notice and (after the defence period) decision, for the unit and its principal. */
    private long listed(Case demo, LocalDate violationDay, LocalDate noticeDay, LocalDate decisionDay) {
        JsonNode violation = record(demo, violationDay);
        List<Long> ids = new ArrayList<>();
        violation.get("listings").forEach(l -> ids.add(l.get("listingId").asLong()));
        for (long id : ids) {
            notice(id, noticeDay);
            confirmIfBackdated(id, "DECISION", decisionDay);
            post("/api/v1/listings/%d/decision", id, "{\"decisionNumber\":\"崇应急失信〔" + decisionDay.getYear() + "〕"
                    + id + "号\",\"decisionDate\":\"" + decisionDay + "\",\"reason\":\"陈述申辩期满，决定列入\"}", enforcement);
        }
        return unitListing(violation);
    }

    /**
     * A notice or decision dated more than 30 days ago (credit.listing.backdating-confirmation-days)
     * is taken only once the credit office has confirmed its date: the demo's older cases are
     * entered as a case from its paper file would be.
     */
    private void confirmIfBackdated(long listing, String step, LocalDate day) {
        if (day.isBefore(today.minusDays(30))) {
            admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"" + step
                    + "\",\"date\":\"" + day + "\",\"reason\":\"演示数据：按纸质案卷补录\"}").ok();
        }
    }

    private long approveRepair(long listing) {
        // Credit repair needs the unit's commitment letter on the case's follow-up (一案五制).
        JsonNode view = enforcement.get("/api/v1/listings/" + listing).ok();
        enforcement.post("/api/v1/violations/" + view.get("violationId").asLong() + "/follow-up/commitment",
                "{\"uscc\":\"" + view.get("subjectCode").asString() + "\",\"signedOn\":\""
                        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        + "\",\"text\":\"本单位承诺依法整改到位，不再发生同类违法行为（演示数据）\"}").ok();
        JsonNode application = enforcement.post("/api/v1/listings/" + listing + "/repairs", """
                {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true},
                 "evidence":["罚款缴纳凭证","整改验收报告","信用承诺书","安全培训合格证明"]}""").ok();
        admin.post("/api/v1/repairs/" + application.get("id").asLong() + "/approval", "{\"reason\":\"修复条件齐备，准予信用修复\"}").ok();
        return listing;
    }

    private long revokeRepair(long listing) {
        JsonNode repairs = admin.get("/api/v1/repairs?state=APPROVED").ok();
        for (JsonNode repair : repairs) {
            if (repair.get("listingId").asLong() == listing) {
                admin.post("/api/v1/repairs/" + repair.get("id").asLong() + "/revocation",
                        "{\"reason\":\"培训证明系伪造，撤销信用修复\"}").ok();
            }
        }
        return listing;
    }

    private static long post(String pathFormat, long listing, String body, GatewayClient as) {
        as.post(pathFormat.formatted(listing), body).ok();
        return listing;
    }
}
