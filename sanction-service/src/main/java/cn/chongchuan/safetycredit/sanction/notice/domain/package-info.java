/**
 * The notice module's domain: plain Java rules (who is told, by when feedback is due, the daily
 * history) and the value types other modules speak — a notice's kind, a delivery's status, a case's
 * status. Published to the other modules as the named interface {@code domain}.
 */
@NamedInterface("domain")
package cn.chongchuan.safetycredit.sanction.notice.domain;

import org.springframework.modulith.NamedInterface;
