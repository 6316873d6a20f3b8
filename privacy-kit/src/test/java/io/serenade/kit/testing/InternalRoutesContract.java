package io.serenade.kit.testing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.restassured.RestAssured;
import io.serenade.kit.consent.ConsentViewResource;
import io.serenade.kit.userdata.UserDataResource;
import org.eclipse.microprofile.config.ConfigProvider;
import io.restassured.specification.RequestSpecification;
import io.serenade.kit.identity.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No anonymous caller inside: every internal route of a service, found by reading its resource classes (so a route
 * added later is covered without a line here), is tried with no credential, with a member's token, and with a service
 * identity that is not on the route's allow-list, and must refuse each (401, 401, 403) with a problem body; the
 * allowed callers must get past the check. The exact 2xx of each allowed call is the business of the route's own tests,
 * which all call as the allowed caller. The allow-lists together must equal the service's callers in the Helm chart.
 * A service's {@code InternalCallersTest} extends this.
 */
public abstract class InternalRoutesContract {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    /** The chart's topology table, from a service module's directory (where its tests run). */
    static final java.nio.file.Path TOPOLOGY = java.nio.file.Path.of("..", "k8s", "helm", "serenade", "templates", "_topology.tpl");
    private static final Pattern TOPOLOGY_SERVICE = Pattern.compile("^([a-z]+):\\s*$");
    private static final Pattern TOPOLOGY_CALLERS = Pattern.compile("^\\s+(callers|tools):\\s*\\[(.*)]\\s*$");
    private static final List<String> IDENTITIES = List.of(Callers.GATEWAY, Callers.CONSENT, Callers.OPERATOR);

    /** One route: its method, its path template and the callers its annotation allows. */
    public record Route(String method, String template, Set<String> allowed) {
        String path() {
            Matcher m = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, sample(m.group(1)));
            }
            m.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + template + " " + allowed;
        }
    }

    /** The kit's own resources, each served by the services that switch it on. */
    private static final List<Class<?>> KIT_RESOURCES = List.of(ConsentViewResource.class, UserDataResource.class);

    /** The package holding the service's resource classes, e.g. {@code io.serenade.profile.rest}. */
    protected abstract String resourcePackage();

    /**
     * The union of the service's route allow-lists is its {@code callers} plus {@code tools} in the chart's topology
     * table, from which the NetworkPolicies are made: a caller the code allows but the network blocks (or the other
     * way round) is a mistake in one of the two. A chart key {@code k} is the identity {@code serenade-svc-k}.
     */
    @Test
    void theAllowListsAreTheChartsCallers() throws IOException {
        String key = resourcePackage().split("\\.")[2];
        Set<String> allowed = new TreeSet<>();
        routes(resourcePackage()).forEach(r -> allowed.addAll(r.allowed()));
        assertThat(allowed).as("callers + tools of " + key + " in " + TOPOLOGY).isEqualTo(chartCallers(key));
    }

    /** {@code callers} and {@code tools} of {@code key} in the chart's topology table, as identities. */
    static Set<String> chartCallers(String key) throws IOException {
        Set<String> identities = new TreeSet<>();
        String current = null;
        for (String line : Files.readAllLines(TOPOLOGY)) {
            Matcher service = TOPOLOGY_SERVICE.matcher(line);
            Matcher list = TOPOLOGY_CALLERS.matcher(line);
            if (service.matches()) {
                current = service.group(1);
            } else if (key.equals(current) && list.matches()) {
                for (String k : list.group(2).split(",")) {
                    if (!k.isBlank()) {
                        identities.add("serenade-svc-" + k.trim());
                    }
                }
            }
        }
        return identities;
    }

    @TestFactory
    Stream<DynamicTest> everyInternalRouteRefusesAnyoneButItsCallers() {
        List<Route> routes = routes(resourcePackage());
        assertThat(routes).as("internal routes of " + resourcePackage()).isNotEmpty();
        return routes.stream().map(route -> DynamicTest.dynamicTest(route.toString(), () -> check(route)));
    }

    private static void check(Route route) {
        String path = route.path();
        refused(request(null), route, path, 401);
        refused(request(ServiceTokens.member("member-" + UUID.randomUUID())), route, path, 401);
        for (String stranger : IDENTITIES) {
            if (!route.allowed().contains(stranger)) {
                refused(request(ServiceTokens.service(stranger)), route, path, 403);
            }
        }
        for (String caller : route.allowed()) {
            int status = request(ServiceTokens.service(caller)).request(route.method(), path).statusCode();
            assertThat(status).as(caller + " on " + route).isNotIn(401, 403);
        }
    }

    private static void refused(RequestSpecification request, Route route, String path, int expected) {
        request.request(route.method(), path).then()
                .statusCode(expected)
                .contentType("application/problem+json");
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = RestAssured.given().contentType("application/json").body("{}");
        return token == null ? request : request.auth().oauth2(token);
    }

    /**
     * Every {@code /internal} route the service serves, with its allow-list: those of its resource classes in
     * {@code pkg} and those of the kit's resources it switched on.
     */
    public static List<Route> routes(String pkg) {
        List<Class<?>> types = new ArrayList<>(classesIn(pkg));
        for (Class<?> kit : KIT_RESOURCES) {
            IfBuildProperty on = kit.getAnnotation(IfBuildProperty.class);
            if (ConfigProvider.getConfig().getOptionalValue(on.name(), String.class).filter(on.stringValue()::equals).isPresent()) {
                types.add(kit);
            }
        }
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : types) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                if (!template.startsWith("/internal")) {
                    continue;
                }
                assertThat(m.isAnnotationPresent(PermitAll.class) || type.isAnnotationPresent(PermitAll.class))
                        .as("an internal route open to anyone: " + verb + " " + template).isFalse();
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                assertThat(roles).as("no allow-list on " + verb + " " + template).isNotNull();
                routes.add(new Route(verb, template, new TreeSet<>(Arrays.asList(roles.value()))));
            }
        }
        routes.sort((a, b) -> (a.template() + a.method()).compareTo(b.template() + b.method()));
        return routes;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String sample(String parameter) {
        return switch (parameter) {
            case "eventId", "id" -> UUID.randomUUID().toString();
            case "titleId" -> "t-authz-1";
            case "artworkId" -> "a-authz-1";
            default -> "u-authz-1";
        };
    }

    private static List<Class<?>> classesIn(String pkg) {
        try {
            List<Class<?>> found = new ArrayList<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (URL url : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                File[] files = new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
                for (File f : files == null ? new File[0] : files) {
                    found.add(Class.forName(pkg + "." + f.getName().replace(".class", ""), false, loader));
                }
            }
            return found;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot list the classes of " + pkg, e);
        }
    }
}
