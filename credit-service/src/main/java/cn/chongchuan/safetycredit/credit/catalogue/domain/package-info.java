/**
 * The catalogue module's domain: plain Java rules and value types. Published to the other modules as the
 * named interface {@code domain} (they speak this language: criteria, listing states, codes).
 */
@NamedInterface("domain")
package cn.chongchuan.safetycredit.credit.catalogue.domain;

import org.springframework.modulith.NamedInterface;
