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
