package cn.chongchuan.safetycredit.sanction.endpoint;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for which URLs a department may be reached at, applied when ADMIN registers an
 * endpoint and again before every call (a name may resolve elsewhere by then): https only (unless
 * {@code allow-http}), no credentials in the URL, and no address of the service's own networks —
 * loopback, link-local, private, CGNAT, unique-local, multicast, unspecified, cloud metadata —
 * unless the operator's allow-list names the host or a range containing the address.
 */
@Component
public class EndpointPolicy {

    /** Metadata services answer by name as well as by address; refused by name before any lookup. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.com");
    /** Cloud metadata addresses (AWS/GCP/Azure/OpenStack, AWS IPv6, ECS tasks, Alibaba Cloud). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "fd00:ec2:0:0:0:0:0:254",
            "169.254.170.2", "100.100.100.200");
    /** Ranges the JDK's InetAddress predicates do not know: they still lead into the provider's network. */
    private static final List<Range> EXTRA_RANGES = List.of(
            new Range("100.64.0.0/10", "carrier-grade NAT (100.64.0.0/10)"),
            new Range("fc00::/7", "unique-local IPv6 (fc00::/7)"),
            new Range("0.0.0.0/8", "'this network' (0.0.0.0/8)"),
            new Range("255.255.255.255/32", "broadcast"));

    private final boolean allowHttp;
    private final Set<String> allowedNames;
    private final List<IpAddressMatcher> allowedRanges;

    public EndpointPolicy(EndpointProperties properties) {
        this.allowHttp = properties.allowHttp();
        Set<String> names = new java.util.HashSet<>();
        List<IpAddressMatcher> ranges = new ArrayList<>();
        for (String entry : properties.allowedHosts()) {
            if (isAddressOrRange(entry)) {
                ranges.add(new IpAddressMatcher(entry));
            } else {
                names.add(normalise(entry));
            }
        }
        this.allowedNames = Set.copyOf(names);
        this.allowedRanges = List.copyOf(ranges);
    }

    /**
     * Why this endpoint may not be called, or empty if it may. Resolves the host and checks every
     * address it resolves to; the reason names the rule, never anything the endpoint answered.
     */
    public Optional<String> refusalOf(String endpointUrl) {
        try {
            return check(endpointUrl);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that cannot be resolved (" + e.getMessage() + ")");
        }
    }

    /**
     * The same check before a call. A host that does not resolve at this moment is not a refusal
     * (a DNS outage must not stop a department's notices for good): the caller gets the exception
     * and tries again at the next round.
     */
    public Optional<String> refusalBeforeCall(String endpointUrl) throws UnknownHostException {
        return check(endpointUrl);
    }

    private Optional<String> check(String endpointUrl) throws UnknownHostException {
        URI uri;
        try {
            uri = new URI(endpointUrl);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http(s) URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain credentials (user:password@)");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host");
        }
        String host = normalise(uri.getHost());
        if (allowedNames.contains(host)) {
            return Optional.empty();
        }
        if (METADATA_NAMES.contains(host)) {
            return Optional.of("must not point at a cloud metadata service (" + host + ")");
        }
        InetAddress[] addresses;
        try {
            // The JVM caches this answer (networkaddress.cache.ttl, 30 s by default), and the HTTP
            // client's own lookup a moment later gets the same addresses from that cache.
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusalOf(address);
            if (refused.isPresent()) {
                return Optional.of("must not point at a " + refused.get() + " address (" + host
                        + (host.equals(normalise(address.getHostAddress())) ? "" : " is " + address.getHostAddress())
                        + "); an operator can allow it in sanction.endpoints.allowed-hosts");
            }
        }
        return Optional.empty();
    }

    /** The kind of internal address this is, or empty for a public one or one the allow-list names. */
    private Optional<String> refusalOf(InetAddress address) {
        String literal = address.getHostAddress();
        if (allowedRanges.stream().anyMatch(range -> range.matches(literal))) {
            return Optional.empty();
        }
        if (METADATA_ADDRESSES.contains(literal)) {
            return Optional.of("cloud metadata");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        return EXTRA_RANGES.stream().filter(range -> range.matcher().matches(literal)).findFirst().map(Range::kind);
    }

    private static boolean isAddressOrRange(String entry) {
        // An IPv6 literal has a colon, an IPv4 literal or range only digits, dots and the slash.
        return entry.contains(":") || entry.contains("/") || entry.matches("[0-9.]+");
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private record Range(IpAddressMatcher matcher, String kind) {
        Range(String cidr, String kind) {
            this(new IpAddressMatcher(cidr), kind);
        }
    }
}
