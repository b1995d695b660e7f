// Compiled (not run) by `npm test` under --strict: the SDK's types follow the contract, so mistakes do not compile.
import { createHeadline, HeadlineProblem, unwrap, type Article } from "../dist/index.js";

const headline = createHeadline({ baseUrl: "http://localhost:8080", token: "a content key" });

export async function usage(): Promise<string[]> {
  const page = await headline.articles.list({ category: "news", include: ["authors"], sort: ["-publishedAt", "title"] });
  const titles: string[] = page.data.map((article: Article) => article.title ?? "");
  const next: string | undefined = page.meta.nextCursor;
  for await (const more of headline.articles.pages({ size: 10, fields: ["slug", "title"] })) {
    titles.push(...more.data.map((article) => article.slug ?? ""));
  }
  const token = await unwrap(headline.client.POST("/api/v1/tokens", { body: { name: "Website", role: "content" } }));
  titles.push(token.token ?? "", next ?? "");
  try {
    await headline.articles.get("missing");
  } catch (error) {
    if (error instanceof HeadlineProblem) {
      titles.push(...error.errors.map((field) => `${field.field}: ${field.message}`), error.title);
    }
  }
  return titles;
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error "categroy" is not an include
  await headline.articles.list({ include: ["categroy"] });
  // @ts-expect-error sort keys are the declared ones
  await headline.articles.list({ sort: ["-published"] });
  // @ts-expect-error a title is required and not null
  await headline.articles.create({ title: null, category: "news", authors: ["newsdesk"] });
  // @ts-expect-error an article needs its authors
  await headline.articles.create({ title: "Hello", category: "news" });
  // @ts-expect-error a status is one of the declared ones
  await headline.articles.patch("hello", { status: "live" });
}
