-- Issue 12, point 4 ("facts decide the criterion").
--
-- 1. The criteria catalogue says where each criterion comes from (应急管理部令第11号 or the
--    district's own 细则), which recorded facts decide it, and which departments have the power to
--    decide listings under it (seeds/criteria.yaml). The seed loader fills these at every start;
--    the defaults below only hold until then.
ALTER TABLE criterion ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'ORDER_11' AFTER legal_basis;
ALTER TABLE criterion ADD COLUMN fact_condition VARCHAR(32) NOT NULL DEFAULT 'NONE' AFTER source;
ALTER TABLE criterion ADD COLUMN competent_departments VARCHAR(200) NOT NULL DEFAULT '' AFTER fact_condition;
-- The official wording of an item is longer than the short titles it replaces (第六条第（三）项: 73
-- characters).
ALTER TABLE criterion MODIFY title VARCHAR(300) NOT NULL;

-- 2. A violation records the facts its criterion is decided from: the accident's date and grade
--    (一般/较大/重大/特别重大, 《生产安全事故报告和调查处理条例》第三条; none without an accident), the
--    fine as a multiple of the amount of 安全生产法第一百一十四条第一款 (2 to 5 under its 第二款), and
--    whether the decision finds 情节特别严重、影响特别恶劣. They belong to the case, like its criterion:
--    a correction of the decision (a new version) does not change them. Violations recorded before
--    this migration have none; those under situation 2 therefore do not count towards a later one
--    (their accident date was never recorded, and the decision date is not the accident's).
ALTER TABLE violation ADD COLUMN accident_date DATE NULL AFTER criterion_code;
ALTER TABLE violation ADD COLUMN accident_grade VARCHAR(16) NULL AFTER accident_date;
ALTER TABLE violation ADD COLUMN fine_multiple DECIMAL(5, 2) NULL AFTER accident_grade;
ALTER TABLE violation ADD COLUMN especially_serious BOOLEAN NOT NULL DEFAULT FALSE AFTER fine_multiple;
-- Situation 2 counts a unit's 较大 accidents by accident date.
ALTER TABLE violation ADD KEY ix_violation_unit_accident (unit_id, accident_grade, accident_date);

-- 3. Which accidents a situation-2 proposal counted: the violation whose recording completed the
--    count (and carries the proposed listings) and every violation whose accident it counted, itself
--    included. A later case of an accident already counted (another department's case of the same
--    accident) proposes nothing again: the same accidents are never proposed twice.
CREATE TABLE accident_count (
    violation_id         BIGINT NOT NULL,
    counted_violation_id BIGINT NOT NULL,
    PRIMARY KEY (violation_id, counted_violation_id),
    KEY ix_accident_count_counted (counted_violation_id),
    CONSTRAINT fk_accident_count_violation FOREIGN KEY (violation_id) REFERENCES violation (id),
    CONSTRAINT fk_accident_count_counted FOREIGN KEY (counted_violation_id) REFERENCES violation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
