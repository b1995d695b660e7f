package io.headline.ghost;

import io.headline.article.ArticleView;
import io.headline.author.AuthorView;
import io.headline.category.CategoryView;
import io.headline.common.persistence.Slugs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Headline's views in Ghost's shapes: an article is a post, an author an author, and a category or a tag a tag. A
 * post's tags are its category (first, so its primary tag) and then its tags; a tag that is not a category has a slug
 * made from its text and a stable id made from that slug. Members Ghost has and Headline does not are sent as null.
 */
final class GhostMapper {

    private GhostMapper() {
    }

    /**
     * @param site     the site URL without a trailing slash, or "" (then urls are relative)
     * @param fields   the members to keep, or null for all
     * @param tags     with tags and primary_tag
     * @param authors  with authors and primary_author
     */
    static Map<String, Object> post(ArticleView a, String site, Set<String> fields, boolean tags, boolean authors) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", a.id().toString());
        post.put("uuid", a.id().toString());
        post.put("title", a.title());
        post.put("slug", a.slug());
        if (a.bodyHtml() != null) {
            post.put("html", a.bodyHtml());
        }
        if (a.bodyText() != null) {
            post.put("plaintext", a.bodyText());
        }
        post.put("comment_id", a.id().toString());
        post.put("feature_image", a.featureImageUrl());
        post.put("feature_image_alt", a.featureImage() == null ? null : a.featureImage().alt());
        post.put("feature_image_caption", a.featureImage() == null ? null : a.featureImage().caption());
        post.put("featured", a.featured());
        post.put("visibility", "public");
        post.put("created_at", a.createdAt());
        post.put("updated_at", a.updatedAt());
        post.put("published_at", a.publishedAt());
        post.put("custom_excerpt", a.subtitle());
        post.put("url", site + "/" + a.slug() + "/");
        post.put("excerpt", a.excerpt());
        post.put("reading_time", a.readingTimeMinutes());
        post.put("access", true);
        post.put("comments", false);
        post.put("meta_title", a.seo() == null ? null : a.seo().metaTitle());
        post.put("meta_description", a.seo() == null ? null : a.seo().metaDescription());
        withoutValue(post, "codeinjection_head", "codeinjection_foot",
                "custom_template", "canonical_url", "og_image", "og_title", "og_description", "twitter_image",
                "twitter_title", "twitter_description");
        Map<String, Object> shown = only(post, fields);
        if (tags) {
            List<Map<String, Object>> all = tagsOf(a, site);
            shown.put("tags", all);
            shown.put("primary_tag", all.isEmpty() ? null : all.get(0));
        }
        if (authors) {
            List<Map<String, Object>> all = a.authors().stream().map(au -> author(au, site, null)).toList();
            shown.put("authors", all);
            shown.put("primary_author", all.isEmpty() ? null : all.get(0));
        }
        return shown;
    }

    /** The category first (the primary tag), then the tags whose slugs differ from it and from each other. */
    private static List<Map<String, Object>> tagsOf(ArticleView a, String site) {
        List<Map<String, Object>> tags = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        if (a.category() != null) {
            tags.add(tag(a.category(), site, null));
            slugs.add(a.category().slug());
        }
        for (String tag : a.tags() == null ? List.<String>of() : a.tags()) {
            String slug = tagSlug(tag);
            if (!slug.isEmpty() && !slugs.contains(slug)) {
                slugs.add(slug);
                tags.add(tag(tag, site, null));
            }
        }
        return tags;
    }

    static Map<String, Object> tag(CategoryView c, String site, Set<String> fields) {
        return tag(c.id().toString(), c.slug(), c.name(), c.description(), site, fields);
    }

    static Map<String, Object> tag(String freeTag, String site, Set<String> fields) {
        return tag(freeTagId(freeTag), tagSlug(freeTag), freeTag, null, site, fields);
    }

    private static Map<String, Object> tag(String id, String slug, String name, String description, String site,
            Set<String> fields) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("id", id);
        tag.put("name", name);
        tag.put("slug", slug);
        tag.put("description", description);
        tag.put("visibility", "public");
        tag.put("url", site + "/tag/" + slug + "/");
        withoutValue(tag, "feature_image", "meta_title", "meta_description");
        return only(tag, fields);
    }

    static Map<String, Object> author(AuthorView a, String site, Set<String> fields) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", a.id().toString());
        author.put("name", a.name());
        author.put("slug", a.slug());
        author.put("profile_image", a.avatarUrl());
        author.put("bio", a.bio());
        author.put("website", a.websiteUrl());
        author.put("url", site + "/author/" + a.slug() + "/");
        withoutValue(author, "cover_image", "location", "facebook", "twitter", "meta_title", "meta_description");
        return only(author, fields);
    }

    /** A tag's slug: its text folded to a slug (a tag such as "film" is its own slug). */
    static String tagSlug(String freeTag) {
        return Slugs.slugify(freeTag);
    }

    /** A stable id for a tag that is not a category, made from its slug. */
    static String freeTagId(String freeTag) {
        return UUID.nameUUIDFromBytes(("tag:" + tagSlug(freeTag)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Members Ghost has and Headline does not: Ghost sends them as null, and so do we. */
    static void withoutValue(Map<String, Object> json, String... names) {
        for (String name : names) {
            json.put(name, null);
        }
    }

    private static Map<String, Object> only(Map<String, Object> all, Set<String> fields) {
        if (fields == null) {
            return all;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (fields.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
