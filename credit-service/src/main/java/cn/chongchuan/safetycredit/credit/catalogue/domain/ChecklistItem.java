package cn.chongchuan.safetycredit.credit.catalogue.domain;

/**
 * One obligation of the follow-up checklist (清单提醒): a stable code, a short title, what the unit
 * must do and on what legal basis. Retired items stay in the catalogue with {@code enabled} false.
 */
public record ChecklistItem(String code, int sortOrder, String title, String obligation, String legalBasis,
                            boolean enabled) {
}
