/**
 * Traces (docs/operations.md, "Traces"): tracing is off unless an OTLP endpoint is configured; the
 * W3C {@code traceparent} of a request is kept with work done later (the outbox, the notices) so
 * that the later work continues the same trace; no personal ID number reaches a span.
 */
package cn.chongchuan.safetycredit.platform.tracing;
