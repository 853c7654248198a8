package cn.chongchuan.safetycredit.platform.web;

/**
 * The page parameters of a list, one style everywhere: {@code page} from 0 and {@code size}.
 * Lists that took {@code limit} before still accept it, as the size of the first page, so that
 * clients written against it keep working; {@code size} wins when both are given.
 */
public final class Paging {

    private Paging() {
    }

    /** The size asked for: {@code size}, else the older {@code limit}, else the list's default. */
    public static int size(Integer size, Integer limit, int defaultSize) {
        if (size != null) {
            return size;
        }
        return limit != null ? limit : defaultSize;
    }

    /** The rows to skip for this page. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
