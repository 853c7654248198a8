package cn.chongchuan.safetycredit.e2e.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network policies allow what docs/operations.md, "Network policies", says and nothing more:
 * read as Kubernetes reads them (a pod selected by no policy of a direction is open in that
 * direction; selected, it gets the union of the rules), with the ports taken from the Deployments.
 */
class NetworkPolicyTest {

    private static final Manifests MANIFESTS = Manifests.deployed();
    private static final String INGRESS_CONTROLLER = "namespace ingress-nginx";
    private static final String PROMETHEUS = "namespace monitoring";
    /** The OpenTelemetry collector's OTLP/HTTP port, in the monitoring namespace. */
    private static final String TRACE_COLLECTOR = "namespace monitoring:4318";

    @Test
    void everyPodIsDeniedEverythingNotAllowed() {
        Manifests.Document deny = MANIFESTS.get("NetworkPolicy", "default-deny");
        Map<String, Object> spec = Manifests.map(deny.content(), "spec");
        assertThat(Manifests.map(spec, "podSelector")).isEmpty();
        assertThat(Manifests.list(spec, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(Manifests.list(spec, "ingress")).isEmpty();
        assertThat(Manifests.list(spec, "egress")).isEmpty();
    }

    @Test
    void onlyTheGatewayReachesTheServicePortsAndOnlyPrometheusTheManagementPorts() {
        assertThat(ingress("gateway", port("gateway", "http"))).containsExactly(INGRESS_CONTROLLER);
        assertThat(ingress("credit-service", port("credit-service", "http"))).containsExactly("gateway");
        // credit-service relays its outbox to sanction-service and fetches the measure catalogue.
        assertThat(ingress("sanction-service", port("sanction-service", "http"))).containsExactly("credit-service", "gateway");
        assertThat(ingress("gateway", port("gateway", "management"))).containsExactly(PROMETHEUS);
        assertThat(ingress("credit-service", port("credit-service", "management"))).containsExactly(PROMETHEUS);
        assertThat(ingress("sanction-service", port("sanction-service", "management"))).containsExactly(PROMETHEUS);
    }

    @Test
    void eachPodReachesOnlyWhatItNeeds() {
        assertThat(egress("gateway")).containsExactlyInAnyOrder("dns:53", "credit-service:" + port("credit-service", "http"),
                "sanction-service:" + port("sanction-service", "http"), "redis:6379", "redis:26379", TRACE_COLLECTOR);
        assertThat(egress("credit-service")).containsExactlyInAnyOrder("dns:53",
                "sanction-service:" + port("sanction-service", "http"), "mysql:3306", "redis:6379", "redis:26379",
                TRACE_COLLECTOR);
        assertThat(egress("sanction-service")).containsExactlyInAnyOrder("dns:53", "mysql:3306", "redis:6379", "redis:26379",
                "internet:443", TRACE_COLLECTOR);
    }

    @Test
    void theInternetIsOutsideTheClusterAndPrivateRanges() {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Map<String, Object> rule : rules("sanction-service", "egress")) {
            for (Object peer : Manifests.list(rule, "to")) {
                Map<String, Object> ipBlock = Manifests.map(Manifests.cast(peer), "ipBlock");
                if (!ipBlock.isEmpty()) {
                    blocks.add(ipBlock);
                }
            }
        }
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.get("cidr")).isEqualTo("0.0.0.0/0");
            assertThat(Manifests.list(block, "except")).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        });
    }

    /** Who may reach an app's pods on a port: app names, or "namespace X". */
    private static Set<String> ingress(String app, int port) {
        Set<String> peers = new TreeSet<>();
        for (Map<String, Object> rule : rules(app, "ingress")) {
            if (ports(rule).contains(port)) {
                Manifests.list(rule, "from").forEach(peer -> peers.add(describe(Manifests.cast(peer))));
            }
        }
        return peers;
    }

    /** Where an app's pods may connect: "peer:port". */
    private static Set<String> egress(String app) {
        Set<String> allowed = new TreeSet<>();
        for (Map<String, Object> rule : rules(app, "egress")) {
            for (Object peer : Manifests.list(rule, "to")) {
                for (int port : ports(rule)) {
                    allowed.add(describe(Manifests.cast(peer)) + ":" + port);
                }
            }
        }
        return allowed;
    }

    /** The rules of every policy that selects the app's pods in that direction. */
    private static List<Map<String, Object>> rules(String app, String direction) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Manifests.Document policy : MANIFESTS.ofKind("NetworkPolicy")) {
            Map<String, Object> spec = Manifests.map(policy.content(), "spec");
            Map<String, Object> labels = Manifests.map(Manifests.map(spec, "podSelector"), "matchLabels");
            boolean selects = labels.isEmpty() || app.equals(labels.get("app.kubernetes.io/name"));
            boolean direct = Manifests.list(spec, "policyTypes").contains(direction.equals("ingress") ? "Ingress" : "Egress");
            if (selects && direct) {
                Manifests.list(spec, direction).forEach(rule -> rules.add(Manifests.cast(rule)));
            }
        }
        return rules;
    }

    private static List<Integer> ports(Map<String, Object> rule) {
        return Manifests.list(rule, "ports").stream().map(p -> ((Number) Manifests.cast(p).get("port")).intValue()).toList();
    }

    private static String describe(Map<String, Object> peer) {
        Map<String, Object> pods = Manifests.map(Manifests.map(peer, "podSelector"), "matchLabels");
        Map<String, Object> namespace = Manifests.map(Manifests.map(peer, "namespaceSelector"), "matchLabels");
        if (!Manifests.map(peer, "ipBlock").isEmpty()) {
            return "internet";
        }
        if (pods.containsKey("app.kubernetes.io/name")) {
            return (String) pods.get("app.kubernetes.io/name");
        }
        if (pods.containsKey("k8s-app")) {
            return "dns";
        }
        return "namespace " + namespace.get("kubernetes.io/metadata.name");
    }

    private static int port(String app, String name) {
        return Manifests.list(Manifests.container(MANIFESTS.get("Deployment", app)), "ports").stream().map(Manifests::cast)
                .filter(p -> name.equals(p.get("name"))).map(p -> ((Number) p.get("containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError(app + " has no port " + name));
    }
}
