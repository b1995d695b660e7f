// Retry on 429 against a local stub that answers from a script, so that each case is deterministic.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {once} from 'node:events';
import {createHeadline, HeadlineProblem} from '../dist/index.js';

const PAGE = {data: [], meta: {page: 1, size: 20, totalItems: 0, totalPages: 0}, links: {}};

function tooMany(retryAfter) {
    const headers = {'Content-Type': 'application/problem+json'};
    if (retryAfter !== undefined) {
        headers['Retry-After'] = retryAfter;
    }
    return {status: 429, headers, body: {type: '/problems/too-many-requests', title: 'Too Many Requests', status: 429}};
}

const ok = (body) => ({status: 200, headers: {'Content-Type': 'application/json'}, body});

/** Answers the n-th request with answers[n] (the last one again after that), and keeps what each request sent. */
async function stub(t, answers) {
    const received = [];
    const server = createServer(async (request, response) => {
        let body = '';
        for await (const chunk of request) {
            body += chunk;
        }
        received.push({method: request.method, url: request.url, body});
        const answer = answers[Math.min(received.length, answers.length) - 1];
        response.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    t.after(() => server.close());
    return {baseUrl: `http://127.0.0.1:${server.address().port}`, received};
}

function sleeps() {
    const waited = [];
    return {waited, sleep: async (ms) => void waited.push(ms)};
}

test('waits as long as Retry-After says, then succeeds', async (t) => {
    const {baseUrl, received} = await stub(t, [tooMany('2'), tooMany('1'), ok(PAGE)]);
    const {waited, sleep} = sleeps();
    const page = await createHeadline({baseUrl, sleep}).articles.list();
    assert.deepEqual(page, PAGE);
    assert.deepEqual(waited, [2000, 1000]);
    assert.equal(received.length, 3);
});

test('sends a write\'s body again on each attempt', async (t) => {
    const article = {id: '01a216cd-28c1-7aeb-921e-4a8cf5b0f598', title: 'Hello'};
    const {baseUrl, received} = await stub(t, [tooMany('1'), {...ok(article), status: 201}]);
    const {sleep} = sleeps();
    const input = {title: 'Hello', category: 'news', authors: ['newsdesk']};
    await createHeadline({baseUrl, sleep, token: 't'}).articles.create(input);
    assert.deepEqual(received.map((request) => [request.method, JSON.parse(request.body)]),
        [['POST', input], ['POST', input]]);
});

test('gives up after its retries, with the 429 as a problem', async (t) => {
    const {baseUrl, received} = await stub(t, [tooMany('1')]);
    const {waited, sleep} = sleeps();
    await assert.rejects(createHeadline({baseUrl, sleep, retries: 3}).articles.list(), (problem) => {
        assert.ok(problem instanceof HeadlineProblem);
        assert.equal(problem.status, 429);
        assert.equal(problem.title, 'Too Many Requests');
        return true;
    });
    assert.equal(received.length, 4);
    assert.deepEqual(waited, [1000, 1000, 1000]);
});

test('does not wait longer than maxRetryAfter, nor retry when told not to', async (t) => {
    const {baseUrl, received} = await stub(t, [tooMany('120')]);
    const {waited, sleep} = sleeps();
    await assert.rejects(createHeadline({baseUrl, sleep}).articles.list(), {status: 429});
    await assert.rejects(createHeadline({baseUrl, sleep, retries: 0, maxRetryAfter: 1000}).articles.list(), {status: 429});
    assert.equal(received.length, 2);
    assert.deepEqual(waited, []);
});

test('reads Retry-After as an HTTP date too, and waits a second when it is absent', async (t) => {
    const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
    const {baseUrl} = await stub(t, [tooMany(inThreeSeconds), tooMany(undefined), ok(PAGE)]);
    const {waited, sleep} = sleeps();
    await createHeadline({baseUrl, sleep}).articles.list();
    assert.equal(waited.length, 2);
    assert.ok(waited[0] >= 2000 && waited[0] <= 3000, `waited ${waited[0]} ms for a date 3 s ahead`);
    assert.equal(waited[1], 1000);
});
