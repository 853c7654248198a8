-- The W3C traceparent of the listing event a notice was made from (docs/operations.md, "Traces"):
-- every delivery round of the notice is a span of that trace, and the department's endpoint
-- receives it as the traceparent header. NULL when tracing was off (or for the notices made before).
ALTER TABLE notice ADD COLUMN traceparent VARCHAR(64) NULL;
