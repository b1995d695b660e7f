// Ghost's own Content API client against a running Headline with its demo content.
// GHOST_URL is the server (no trailing slash), GHOST_KEY a content token; run.sh sets both.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import GhostContentAPI from '@tryghost/content-api';

const api = new GhostContentAPI({url: process.env.GHOST_URL, key: process.env.GHOST_KEY, version: 'v5.0'});

test('browses posts a page at a time', async () => {
    const first = await api.posts.browse({limit: 2, page: 1});
    const second = await api.posts.browse({limit: 2, page: 2});
    assert.equal(first.length, 2);
    assert.equal(first.meta.pagination.page, 1);
    assert.equal(first.meta.pagination.next, 2);
    assert.equal(first.meta.pagination.prev, null);
    assert.equal(second.meta.pagination.prev, 1);
    assert.equal(first.meta.pagination.total, 5, 'the five published demo articles, and not the draft');
    assert.equal(first.meta.pagination.pages, 3);
    const slugs = [...first, ...second].map((post) => post.slug);
    assert.equal(new Set(slugs).size, 4, 'no post on two pages');
    assert.ok(first[0].published_at >= first[1].published_at, 'newest first');
    assert.match(first[0].html, /<p>/);
});

test('reads the seed article by slug, with its tags and authors', async () => {
    const post = await api.posts.read({slug: 'extraction-sequel-in-the-works'}, {include: 'tags,authors'});
    assert.equal(post.title, 'Extraction sequel in the works');
    assert.match(post.html, /Joe Russo/);
    assert.equal(post.primary_tag.slug, 'news');
    assert.deepEqual(post.tags.map((tag) => tag.slug), ['news', 'film', 'netflix']);
    assert.equal(post.primary_author.slug, 'newsdesk');
    assert.equal(typeof post.reading_time, 'number');
    assert.ok(post.excerpt.startsWith('Joe Russo'));
});

test('filters by tag, whether a category or a tag', async () => {
    const film = await api.posts.browse({filter: 'tag:film', limit: 'all', fields: 'slug'});
    assert.deepEqual(film.map((post) => post.slug).sort(),
        ['extraction-sequel-in-the-works', 'ten-films-to-watch-this-winter']);
    const news = await api.posts.browse({filter: 'primary_tag:news', fields: 'slug'});
    assert.equal(news.meta.pagination.total, 2);
});

test('filters by author, combined with another condition', async () => {
    const ada = await api.posts.browse({filter: 'author:ada-reyes', fields: 'slug'});
    assert.deepEqual(ada.map((post) => post.slug).sort(),
        ['museum-reopens-its-modern-wing', 'ten-films-to-watch-this-winter']);
    const adaOnFilm = await api.posts.browse({filter: 'author:ada-reyes+tag:film', fields: 'slug'});
    assert.deepEqual(adaOnFilm.map((post) => post.slug), ['ten-films-to-watch-this-winter']);
});

test('answers a missing post, and the draft, with Ghost\'s error', async () => {
    for (const slug of ['no-such-post', 'coming-soon-our-weekly-podcast']) {
        await assert.rejects(api.posts.read({slug}), (error) => {
            assert.equal(error.name, 'NotFoundError');
            assert.equal(error.message, 'Post not found.');
            assert.equal(error.response.status, 404);
            return true;
        });
    }
});

test('refuses a filter it cannot express, with Ghost\'s error', async () => {
    await assert.rejects(api.posts.browse({filter: 'status:draft'}), (error) => {
        assert.equal(error.name, 'BadRequestError');
        assert.equal(error.response.status, 400);
        return true;
    });
});

test('lists authors and tags, and the settings', async () => {
    const authors = await api.authors.browse({limit: 'all'});
    assert.deepEqual(authors.map((author) => author.slug).sort(), ['ada-reyes', 'newsdesk', 'sam-okafor']);
    const tags = await api.tags.browse({limit: 'all'});
    assert.ok(tags.some((tag) => tag.slug === 'culture'), 'categories are tags');
    assert.ok(tags.some((tag) => tag.slug === 'netflix'), 'and so are tags');
    assert.ok(!tags.some((tag) => tag.slug === 'podcast'), 'but not those only on a draft');
    const settings = await api.settings.browse();
    assert.equal(typeof settings.title, 'string');
    const pages = await api.pages.browse();
    assert.equal(pages.length, 0);
});
