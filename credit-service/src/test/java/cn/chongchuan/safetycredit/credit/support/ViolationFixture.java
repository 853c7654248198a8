package cn.chongchuan.safetycredit.credit.support;

import cn.chongchuan.safetycredit.credit.subject.domain.CodeGenerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds violation requests with valid codes from the project's own generator: {@code aViolation().by(...)}. */
public final class ViolationFixture {

    private static final AtomicInteger CASES = new AtomicInteger();
    public static final CodeGenerator CODES = new CodeGenerator(new Random());
    private static final AtomicInteger PERSONS = new AtomicInteger();

    private String caseNumber = "崇应急罚〔2026〕" + CASES.incrementAndGet() + "-" + System.nanoTime() % 100000 + "号";
    private String decisionNumber = "崇应急罚决〔2026〕" + CASES.get() + "号";
    private LocalDate decisionDate = LocalDate.now().minusDays(10);
    private String criterion = "OM11-03";
    private String uscc = CODES.uscc("320602");
    private String unitName = "南通崇川测试化工有限公司" + CASES.get();
    private final List<String[]> persons = new ArrayList<>();
    private String fine = "500000.00";
    private String decidingDepartment;
    /** Null until set: then the facts the criterion needs are filled in (see {@link #factsJson}). */
    private String[] facts;

    private ViolationFixture() {
        withPrincipal("张三", aResidentId());
    }

    /**
     * A valid ID number no other fixture of this test run has: each gets a birth date of its own.
     * (The register keeps a person's name as first recorded, so two tests sharing an ID number by
     * chance — 1 in 1,000 per pair with one birth date — would see each other's names.)
     */
    public static String aResidentId() {
        return CODES.residentId("320602", LocalDate.of(1930, 1, 1).plusDays(PERSONS.getAndIncrement()));
    }

    public static ViolationFixture aViolation() {
        return new ViolationFixture();
    }

    public ViolationFixture criterion(String code) {
        this.criterion = code;
        return this;
    }

    public ViolationFixture unit(String code, String name) {
        this.uscc = code;
        this.unitName = name;
        return this;
    }

    public ViolationFixture decidedOn(LocalDate date) {
        this.decisionDate = date;
        return this;
    }

    public ViolationFixture caseNumber(String number) {
        this.caseNumber = number;
        return this;
    }

    /** The accident: its date and grade (GENERAL, LARGER, MAJOR, ESPECIALLY_MAJOR); no fine multiple. */
    public ViolationFixture accident(LocalDate date, String grade) {
        this.facts = new String[] {date.toString(), grade, null, "false"};
        return this;
    }

    /** An accident fined {@code multiple} times the amount of 安全生产法第一百一十四条第一款, found 情节特别严重 or not. */
    public ViolationFixture accident(LocalDate date, String grade, String multiple, boolean especiallySerious) {
        this.facts = new String[] {date.toString(), grade, multiple, String.valueOf(especiallySerious)};
        return this;
    }

    /** No accident facts at all (as a caller from before they existed sends). */
    public ViolationFixture withoutFacts() {
        this.facts = new String[] {null, null, null, "false"};
        return this;
    }

    /** The competent department the listings should go to (for a department without the power to decide). */
    public ViolationFixture decidingDepartment(String department) {
        this.decidingDepartment = department;
        return this;
    }

    public ViolationFixture withoutPersons() {
        persons.clear();
        return this;
    }

    public ViolationFixture withPrincipal(String name, String idNumber) {
        persons.add(new String[] {name, idNumber, "PRINCIPAL"});
        return this;
    }

    public ViolationFixture withOther(String name, String idNumber) {
        persons.add(new String[] {name, idNumber, "OTHER"});
        return this;
    }

    public String uscc() {
        return uscc;
    }

    public String principalId() {
        return persons.get(0)[1];
    }

    /**
     * The facts as set, or else what the criterion needs: an accident 30 days before the decision,
     * 重大 for situation 1, 较大 for 2, 一般 fined 2 times and found 情节特别严重 for 3, 一般 for 4 and 5;
     * none for 第七条.
     */
    private String factsJson() {
        String[] f = facts;
        if (f == null) {
            String accident = decisionDate.minusDays(30).toString();
            f = switch (criterion) {
                case "OM11-01" -> new String[] {accident, "MAJOR", null, "false"};
                case "OM11-02" -> new String[] {accident, "LARGER", null, "false"};
                case "OM11-03" -> new String[] {accident, "GENERAL", "2", "true"};
                case "OM11-04", "OM11-05" -> new String[] {accident, "GENERAL", null, "false"};
                default -> new String[] {null, null, null, "false"};
            };
        }
        return String.format("\"accidentDate\":%s,\"accidentGrade\":%s,\"fineMultiple\":%s,\"especiallySerious\":%s,%s",
                quoted(f[0]), quoted(f[1]), f[2], f[3],
                decidingDepartment == null ? "" : "\"decidingDepartment\":" + quoted(decidingDepartment) + ",");
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    public String json() {
        StringBuilder people = new StringBuilder();
        for (String[] p : persons) {
            if (!people.isEmpty()) {
                people.append(',');
            }
            people.append(String.format("{\"name\":\"%s\",\"idNumber\":\"%s\",\"responsibility\":\"%s\"}", p[0], p[1], p[2]));
        }
        return String.format("""
                {"caseNumber":"%s","decisionNumber":"%s","decisionDate":"%s","criterionCode":"%s",
                 "description":"未落实安全生产主体责任，发生一般生产安全事故","fineAmount":%s,%s
                 "unit":{"uscc":"%s","name":"%s"},"persons":[%s]}""",
                caseNumber, decisionNumber, decisionDate, criterion, fine, factsJson(), uscc, unitName, people);
    }
}
