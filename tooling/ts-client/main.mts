// A partner's client, generated types and nothing hand-written about the API: lists, follows a cursor, reads by slug,
// creates, merge-patches, deletes and decodes a problem through openapi-fetch, against a running Headline.
// Compiled with tsc --strict (see tsconfig.json) and run with node by run.sh.
import createClient from "openapi-fetch";
import type { components, paths } from "./target/headline.js";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env["HEADLINE_URL"] ?? "http://localhost:8080";
const token = process.env["HEADLINE_ADMIN_TOKEN"];
if (!token) {
  throw new Error("Set HEADLINE_ADMIN_TOKEN to the admin token of the server at " + baseUrl);
}

// The contract sends list parameters comma-separated (style: form, explode: false).
const client = createClient<paths>({ baseUrl, querySerializer: { array: { style: "form", explode: false } } });
const asAdmin = { Authorization: `Bearer ${token}` };

function fail(what: string, problem: Problem): never {
  throw new Error(`${what}: ${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
}

// 1. List: the first page, a few fields, typed from the enum.
const first = await client.GET("/api/v1/articles", {
  params: { query: { size: 2, fields: ["slug", "title", "publishedAt"], sort: ["-publishedAt"] } },
});
if (first.error) fail("list", first.error);
console.log(`page 1: ${first.data.data.map((a) => a.slug).join(", ")} of ${first.data.meta.totalItems ?? "?"}`);

// 2. Follow the cursor to the next page.
const cursor = first.data.meta.nextCursor;
if (cursor) {
  const next = await client.GET("/api/v1/articles", {
    params: { query: { size: 2, fields: ["slug", "title", "publishedAt"], cursor } },
  });
  if (next.error) fail("next page", next.error);
  console.log(`page 2: ${next.data.data.map((a) => a.slug).join(", ")}`);
}

// 3. Read one by slug, with its authors whole.
const seed = await client.GET("/api/v1/articles/{idOrSlug}", {
  params: { path: { idOrSlug: "extraction-sequel-in-the-works" }, query: { include: ["authors"] } },
});
if (seed.error) fail("read by slug", seed.error);
console.log(`read: "${seed.data.title ?? ""}" by ${(seed.data.authors ?? []).map((a) => a.name).join(", ")}`);

// 4. Create a draft.
const created = await client.POST("/api/v1/articles", {
  headers: asAdmin,
  body: { title: `From the TypeScript client ${Date.now()}`, category: "news", authors: ["newsdesk"], tags: ["sdk"] },
});
if (created.error) fail("create", created.error);
const id = created.data.id;
console.log(`created: ${created.data.slug ?? id} (${created.data.status ?? "?"})`);

// 5. Merge-patch it: set the subtitle, clear the tags.
const patched = await client.PATCH("/api/v1/articles/{idOrSlug}", {
  params: { path: { idOrSlug: id } },
  headers: { ...asAdmin, "Content-Type": "application/merge-patch+json" },
  body: { subtitle: "Patched with application/merge-patch+json", tags: null },
});
if (patched.error) fail("merge-patch", patched.error);
console.log(`patched: subtitle "${patched.data.subtitle ?? ""}", tags ${JSON.stringify(patched.data.tags ?? [])}`);

// 6. Delete it: 204, whatever Accept the client sends.
const deleted = await client.DELETE("/api/v1/articles/{idOrSlug}", {
  params: { path: { idOrSlug: id } },
  headers: { ...asAdmin, Accept: "application/problem+json" },
});
if (deleted.error) fail("delete", deleted.error);
console.log(`deleted: ${deleted.response.status}`);

// 7. Decode a problem: the article is gone.
const gone = await client.GET("/api/v1/articles/{idOrSlug}", { params: { path: { idOrSlug: id } } });
if (!gone.error) {
  throw new Error("a deleted article was still found");
}
const problem: Problem = gone.error;
console.log(`problem: ${problem.status} ${problem.title} (${problem.type}): ${problem.detail ?? ""}`);
if (problem.status !== 404 || gone.response.headers.get("Content-Type") !== "application/problem+json") {
  process.exitCode = 1;
}
console.log("TypeScript client: list, cursor, read by slug, create, merge-patch, delete and problem all worked");
