// node --test: the search script's tokenizer against the shared vectors, and its query engine
// against the index `tongwen build` wrote for the sample portal (TONGWEN_SEARCH_SITE, set by
// Scripts/test.sh).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const search = require("../../templates/assets/search.js");

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../Shared/search-tokenizer-vectors.json"), "utf8"));

test("tokenizer matches every shared vector", () => {
  assert.ok(vectors.length >= 15);
  for (const { input, tokens } of vectors) assert.deepEqual(search.tokenize(input), tokens, input);
});

test("shard keys match the Swift rule", () => {
  assert.equal(search.shardKey("requirement", true), "w72-65-71");
  assert.equal(search.shardKey("需求", true), "u9700");
  assert.equal(search.shardKey("需求", false), "all");
  assert.equal(search.fnv1a("a"), 0xe40c292c);
});

test("highlights land on the words even where normalizing changes lengths", () => {
  const marked = (text, query) => search.highlightRanges(text, query).map(([start, end]) => text.slice(start, end));
  // An excerpt cut with "…" (NFKC "...") used to lose every highlight.
  assert.deepEqual(marked("… 8000，按 2 转值班，这样处理时间才会计入服务等级。 值班安排…", "服务等级 p1"), ["服务等级"]);
  assert.deepEqual(marked("优先级 P1 15 分钟 4 小时1 7×24 P2 30 分钟…", "服务等级 p1"), ["P1"]);
  // Full-width and compatibility characters are found as what they normalize to.
  assert.deepEqual(marked("Ⅲ 期：ＳＬＡ（服务等级协议）与 sla", "sla"), ["ＳＬＡ", "sla"]);
  assert.deepEqual(marked("需求池 Product Backlog", "backlog 需求池"), ["需求池", "Backlog"]);
  assert.deepEqual(marked("nothing here", "需求池"), []);
  // The excerpt window is placed around the first hit, counted in the text itself.
  const text = "…".repeat(200) + "SLA 是服务等级协议";
  assert.ok(search.excerpt(text, "sla").includes("SLA"));
});

test("index files are read gzipped or as a host already inflated them", async () => {
  const json = Buffer.from(JSON.stringify({ "需求": [0, 12] }));
  assert.deepEqual(await search.parseIndexFile(new Uint8Array(zlib.gzipSync(json))), { "需求": [0, 12] });
  assert.deepEqual(await search.parseIndexFile(new Uint8Array(json)), { "需求": [0, 12] });
});

const site = process.env.TONGWEN_SEARCH_SITE;
const index = site && search.createIndex(async (p) => new Uint8Array(fs.readFileSync(path.join(site, "search", p))));
const readJSON = (p) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(site, "search", p))).toString("utf8"));
const skip = site ? false : "TONGWEN_SEARCH_SITE is not set (Scripts/test.sh builds the sample portal)";

// Every page of the built site whose indexed text contains `needle`, by URL.
function pagesContaining(needle) {
  const manifest = readJSON("manifest.json.gz");
  const urls = [];
  for (let doc = 0; doc < manifest.docs.length; doc++) {
    const record = readJSON("pages/" + doc + ".json.gz");
    const text = search.normalize([record.t, record.d, ...record.g, ...record.b.map((b) => b[1] + " " + b[2])].join(" "));
    if (text.includes(search.normalize(needle))) urls.push(record.u);
  }
  return urls.sort();
}

async function urls(found) {
  return Promise.all(found.results.map(async (r) => (await index.page(r.doc)).u));
}

test("every Chinese substring query finds every page containing it", { skip }, async () => {
  for (const query of ["需求池", "变更", "服务等级", "接口人", "故障", "数据治理", "灰度发布"]) {
    const expected = pagesContaining(query);
    assert.ok(expected.length > 0, query);
    const found = await urls(await index.search(query));
    for (const url of expected) assert.ok(found.includes(url), `${query}: ${url} missing`);
  }
});

test("pages with the exact phrase rank above pages with only its pieces", { skip }, async () => {
  const found = await index.search("服务等级协议");
  const shown = await search.verify(index, found, 10);
  const phrase = shown.map((r) => r.place.hasPhrase);
  assert.ok(phrase[0], "the first result holds the phrase");
  assert.deepEqual(phrase, [...phrase].sort((a, b) => b - a), "phrase matches come first");
});

test("English words are stemmed and the word being typed is a prefix", { skip }, async () => {
  const stemmed = await urls(await index.search("requirements", { prefix: false }));
  const singular = await urls(await index.search("requirement", { prefix: false }));
  assert.deepEqual(stemmed.sort(), singular.sort());
  const typed = await urls(await index.search("requir"));
  for (const url of singular) assert.ok(typed.includes(url), url);
});

test("a name from either vocabulary finds pages using the other (glossary bridging)", { skip }, async () => {
  const found = await index.search("backlog");
  assert.deepEqual(found.terms.map((t) => t.id), ["product-backlog"]);
  const results = await urls(found);
  const onlyChinese = pagesContaining("需求池").filter((u) => !pagesContaining("backlog").includes(u));
  assert.ok(onlyChinese.length > 0);
  assert.ok(onlyChinese.some((u) => results.includes(u)), "a page saying only 需求池 is found for 'backlog'");
});

test("results deep-link to the best heading and excerpts show the match", { skip }, async () => {
  const found = await index.search("SLA");
  const shown = await search.verify(index, found, 5);
  assert.ok(shown.length > 0);
  assert.ok(shown.some((r) => r.place.anchor !== ""), "some result links to a heading");
  for (const r of shown) assert.ok(search.normalize(r.place.excerpt).includes("sla"), r.place.excerpt);
});

test("no results for text that is nowhere", { skip }, async () => {
  const found = await index.search("zzzqqq 不存在的词语组合");
  assert.equal(found.results.length, 0);
});
