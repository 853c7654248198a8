package cn.chongchuan.safetycredit.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one shape of a page of results the services answer with: the items, the page number
 * (from 0) and size asked for, and the total where the list counts it (the public lists do; the
 * check audit, whose table grows with every check, does not, and leaves it out).
 *
 * <p>Every list takes the same parameters, {@code page} (from 0) and {@code size}; the work lists
 * that answer a bare array (listings, objections, repairs, notices) take them too.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.NON_NULL) Long total, int page, int size) {

    public static <T> Page<T> counted(List<T> items, long total, int page, int size) {
        return new Page<>(List.copyOf(items), total, page, size);
    }

    public static <T> Page<T> uncounted(List<T> items, int page, int size) {
        return new Page<>(List.copyOf(items), null, page, size);
    }
}
