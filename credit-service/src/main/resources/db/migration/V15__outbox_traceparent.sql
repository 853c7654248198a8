-- The W3C traceparent of the request that wrote the event (docs/operations.md, "Traces"): the relay
-- sends the event as a span of that request's trace. NULL when tracing was off (or for the rows
-- written before): the relay then starts a trace of its own. Version 00 is 55 characters.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(64) NULL;
