package io.headline.ghost;

import io.headline.common.paging.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A Ghost browse or read request, checked: which page of how many, which members, relations and body formats, in
 * what order (as Headline's sort). Every option is allow-listed per resource; anything else is a Ghost validation
 * error that names the allowed values.
 */
record GhostQuery(int page, int limit, Set<String> fields, Set<String> include, Set<String> formats, String sort) {

    /** Ghost's default page size. */
    static final int DEFAULT_LIMIT = 15;
    /** The most a page holds, also what limit=all means: past it, follow meta.pagination.next. */
    static final int MAX_LIMIT = PageRequest.MAX_SIZE;
    private static final int MAX_ORDER_KEYS = 4;
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}(\\.\\d{1,3})?");

    /** What one resource accepts. {@code orders} maps Ghost's order fields to Headline's sort keys. */
    record Resource(String name, String singular, List<String> fields, List<String> includes, List<String> formats,
            Map<String, String> orders) {
    }

    static final Resource POSTS = new Resource("posts", "Post", List.of("id", "uuid", "title", "slug", "html", "plaintext",
            "comment_id", "feature_image", "feature_image_alt", "feature_image_caption", "featured", "visibility",
            "created_at", "updated_at", "published_at", "custom_excerpt", "codeinjection_head", "codeinjection_foot",
            "custom_template", "canonical_url", "url", "excerpt", "reading_time", "access", "comments", "og_image",
            "og_title", "og_description", "twitter_image", "twitter_title", "twitter_description", "meta_title",
            "meta_description"), List.of("tags", "authors"), List.of("html", "plaintext"),
            Map.of("published_at", "publishedAt", "updated_at", "updatedAt", "created_at", "createdAt", "title", "title"));
    static final Resource AUTHORS = new Resource("authors", "Author", List.of("id", "name", "slug", "profile_image", "cover_image",
            "bio", "website", "location", "facebook", "twitter", "meta_title", "meta_description", "url"), List.of(),
            List.of(), Map.of("name", "name", "created_at", "createdAt", "updated_at", "updatedAt"));
    static final Resource TAGS = new Resource("tags", "Tag", List.of("id", "name", "slug", "description", "feature_image",
            "visibility", "meta_title", "meta_description", "url"), List.of(), List.of(), Map.of("name", "name"));

    static final Resource SETTINGS = new Resource("settings", "Settings", List.of(), List.of(), List.of(), Map.of());

    /** posts, authors or tags, by the name in the path. */
    static Resource resource(String name) {
        return switch (name) {
            case "posts" -> POSTS;
            case "authors" -> AUTHORS;
            case "tags" -> TAGS;
            default -> throw new IllegalArgumentException("No Ghost resource " + name);
        };
    }

    static GhostQuery parse(GhostParams p, Resource resource) {
        checkVersion(p.acceptVersion);
        int limit = limit(p.limit);
        int page = number("page", p.page);
        if ((long) page * limit > PageRequest.MAX_DEPTH) {
            throw GhostException.invalid("page", "page times limit must be at most " + PageRequest.MAX_DEPTH
                    + "; narrow the filter instead");
        }
        Set<String> formats = p.formats == null ? Set.of("html")
                : names("formats", p.formats, resource.formats(), resource);
        return new GhostQuery(page, limit, p.fields == null ? null : names("fields", p.fields, resource.fields(), resource),
                p.include == null ? Set.of() : names("include", p.include, resource.includes(), resource), formats,
                sort(p.order, resource));
    }

    /** Whether the response carries this body format (html, plaintext): asked for, and not left out by fields. */
    boolean carries(String format) {
        return formats.contains(format) && (fields == null || fields.contains(format));
    }

    PageRequest pageRequest() {
        return new PageRequest(page, limit, null, true);
    }

    /** Accept-Version is optional; when sent it is v{major}[.{minor}], as Ghost's clients send it. */
    private static void checkVersion(String acceptVersion) {
        if (acceptVersion != null && !VERSION.matcher(acceptVersion.strip()).matches()) {
            throw new GhostException(400, "BadRequestError", "Accept-Version must look like v5.0.", null);
        }
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (raw.strip().equals("all")) {
            return MAX_LIMIT;
        }
        int limit = number("limit", raw);
        if (limit > MAX_LIMIT) {
            throw GhostException.invalid("limit", "limit must be from 1 to " + MAX_LIMIT + " or all (" + MAX_LIMIT
                    + " a page), was " + limit);
        }
        return limit;
    }

    private static int number(String name, String raw) {
        if (raw == null) {
            return 1;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GhostException.invalid(name, name + " must be a whole number from 1");
    }

    private static Set<String> names(String option, String raw, List<String> allowed, Resource resource) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String name = part.strip();
            if (!allowed.contains(name)) {
                throw GhostException.invalid(option, option + " of " + resource.name() + " names unknown value '" + name
                        + "'; allowed: " + (allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed))));
            }
            names.add(name);
        }
        return names;
    }

    /** Ghost's order, e.g. "published_at desc, title asc", as Headline's sort ("-publishedAt,title"); null for the default. */
    private static String sort(String order, Resource resource) {
        if (order == null || order.isBlank()) {
            return null;
        }
        String[] keys = order.split(",");
        if (keys.length > MAX_ORDER_KEYS) {
            throw GhostException.invalid("order", "order takes at most " + MAX_ORDER_KEYS + " fields");
        }
        List<String> sort = new ArrayList<>();
        for (String key : keys) {
            String[] words = key.strip().split("\\s+");
            String field = resource.orders().get(words[0]);
            boolean valid = field != null && (words.length == 1
                    || words.length == 2 && (words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc")));
            if (!valid) {
                throw GhostException.invalid("order", "order of " + resource.name() + " takes fields from "
                        + String.join(", ", new TreeSet<>(resource.orders().keySet())) + ", each with asc or desc, "
                        + "as in 'published_at desc'");
            }
            sort.add((words.length == 2 && words[1].equalsIgnoreCase("desc") ? "-" : "") + field);
        }
        return String.join(",", sort);
    }
}
