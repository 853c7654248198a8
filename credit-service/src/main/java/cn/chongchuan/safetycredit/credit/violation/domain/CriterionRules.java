package cn.chongchuan.safetycredit.credit.violation.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Facts decide the criterion: from what a penalty decision records about its accident and fine,
 * which criteria of the catalogue it meets, which it may meet on a finding of the decision, which a
 * further accident may complete, and which it rules out — and why, in the words of 应急管理部令第11号.
 * The officer confirms by choosing the criterion; a criterion the facts rule out is refused.
 */
public final class CriterionRules {

    private static final Comparator<Assessment> BEST_FIRST = Comparator.comparing(Assessment::outcome);

    private CriterionRules() {
    }

    /**
     * Assesses {@code criterion} against {@code facts}; {@code otherLargerAccidents} are the dates of
     * the unit's other recorded 较大 accidents (for a count-based criterion; may be empty).
     */
    public static Assessment assess(Criterion criterion, ViolationFacts facts, Collection<LocalDate> otherLargerAccidents) {
        String code = criterion.code();
        return switch (criterion.condition()) {
            case GRAVE_ACCIDENT -> {
                if (!facts.hasAccident()) {
                    yield noAccident(code, "特别重大或者重大生产安全事故");
                }
                AccidentGrade grade = facts.accidentGrade();
                yield grade == AccidentGrade.MAJOR || grade == AccidentGrade.ESPECIALLY_MAJOR
                        ? Assessment.met(code, "发生" + grade.label() + "生产安全事故", List.of())
                        : Assessment.excluded(code, "事故等级为" + grade.label() + "，本项限于特别重大、重大事故", List.of("accidentGrade"),
                                "is " + grade + ": criterion " + code + " needs a MAJOR (重大) or ESPECIALLY_MAJOR (特别重大) accident");
            }
            case REPEATED_LARGER_ACCIDENTS -> {
                if (!facts.hasAccident()) {
                    yield noAccident(code, "较大生产安全事故");
                }
                if (facts.accidentGrade() != AccidentGrade.LARGER) {
                    yield Assessment.excluded(code, "事故等级为" + facts.accidentGrade().label() + "，本项只计较大事故",
                            List.of("accidentGrade"), "is " + facts.accidentGrade() + ": criterion " + code
                                    + " counts LARGER (较大) accidents");
                }
                int window = criterion.windowMonths() == null ? 12 : criterion.windowMonths();
                int threshold = criterion.isCountBased() ? criterion.countThreshold() : 1;
                List<LocalDate> counted = AccidentWindow.countedWith(facts.accidentDate(), otherLargerAccidents, window);
                yield counted.size() >= threshold
                        ? Assessment.met(code, window + "个月内累计发生" + counted.size() + "起较大生产安全事故", counted)
                        : Assessment.counting(code, window + "个月内已记录" + counted.size() + "起较大生产安全事故，达到"
                                + threshold + "起时提出列入", counted);
            }
            case AGGRAVATED_ACCIDENT_FINE -> {
                if (!facts.hasAccident()) {
                    yield noAccident(code, "生产安全事故");
                }
                if (!facts.hasAggravatedFine()) {
                    yield Assessment.excluded(code, "罚款未达到安全生产法第一百一十四条规定罚款数额的2倍以上5倍以下",
                            List.of("fineMultiple"), (facts.fineMultiple() == null ? "is missing" : "is " + facts.fineMultiple())
                                    + ": criterion " + code + " needs a fine of 2 to 5 times the amount of "
                                    + "安全生产法第一百一十四条第一款");
                }
                yield facts.especiallySerious()
                        ? Assessment.met(code, "发生" + facts.accidentGrade().label() + "生产安全事故，情节特别严重、影响特别恶劣，被处以"
                                + facts.fineMultiple().stripTrailingZeros().toPlainString() + "倍罚款", List.of())
                        : Assessment.excluded(code, "处罚决定未认定情节特别严重、影响特别恶劣", List.of("especiallySerious"),
                                "must be true: criterion " + code + " needs the finding 情节特别严重、影响特别恶劣");
            }
            case ACCIDENT -> facts.hasAccident()
                    ? Assessment.findingRequired(code, "发生" + facts.accidentGrade().label() + "生产安全事故；如处罚决定认定："
                            + criterion.title())
                    : noAccident(code, "生产安全事故");
            case NO_ACCIDENT -> facts.hasAccident()
                    ? Assessment.excluded(code, "已记录生产安全事故；本项（第七条）适用于未发生生产安全事故的情形", List.of("accidentGrade"),
                            "is recorded: criterion " + code + " (第七条) applies where no production safety accident "
                                    + "happened; an accident is assessed under 第六条")
                    : Assessment.findingRequired(code, "未发生生产安全事故；如处罚决定认定：" + criterion.title());
            case NONE -> Assessment.findingRequired(code, "如处罚决定认定：" + criterion.title());
        };
    }

    /**
     * Every enabled criterion assessed, best first: met, then those a finding of the decision
     * decides, then those still counting, then those ruled out; in catalogue order within each.
     */
    public static List<Assessment> suggest(List<Criterion> criteria, ViolationFacts facts,
            Collection<LocalDate> otherLargerAccidents) {
        return criteria.stream().filter(Criterion::enabled)
                .map(c -> assess(c, facts, otherLargerAccidents))
                .sorted(BEST_FIRST)
                .toList();
    }

    private static Assessment noAccident(String code, String needs) {
        return Assessment.excluded(code, "本项须发生" + needs + "：请填写事故日期和事故等级", List.of("accidentDate", "accidentGrade"),
                "is missing: criterion " + code + " applies after a production safety accident; record accidentDate "
                        + "and accidentGrade");
    }
}
