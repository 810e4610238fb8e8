// Tongwen search: the query side of the index `tongwen build` writes into search/.
// Plain ES2020, no build step. The tokenizer must match Sources/Tongwen/Search/SearchTokenizer.swift
// (Tests/Shared/search-tokenizer-vectors.json runs through both). Results are built with DOM APIs
// only: indexed text never goes through innerHTML.
(function (global) {
  "use strict";

  // ---- Tokenizer --------------------------------------------------------------------------

  function isCJK(code) {
    return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3ffff);
  }
  const wordChar = /[\p{L}\p{N}]/u;

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) return word.slice(0, -1);
    return word;
  }

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  function tokenize(text) {
    const tokens = [];
    let word = "";
    let previous = null;
    let run = 0;
    const endWord = () => { if (word) tokens.push(stem(word)); word = ""; };
    const endCJK = () => { if (run === 1) tokens.push(previous); previous = null; run = 0; };
    for (const char of normalize(text)) {
      const code = char.codePointAt(0);
      if (isCJK(code)) {
        endWord();
        if (previous !== null) tokens.push(previous + char);
        previous = char;
        run += 1;
      } else if (wordChar.test(char)) {
        endCJK();
        word += char;
      } else {
        endWord();
        endCJK();
      }
    }
    endWord();
    endCJK();
    return tokens;
  }

  // ---- Shards ---------------------------------------------------------------------------

  function fnv1a(text) {
    let hash = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
      hash ^= byte;
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash >>> 0;
  }

  function shardKey(token, sharded) {
    if (!sharded) return "all";
    const first = token.codePointAt(0);
    if (token[0] === "~") return "t" + (fnv1a(token.slice(1)) % 64);
    if (isCJK(first)) return "u" + first.toString(16);
    return "w" + [...token].slice(0, 3).map((c) => c.codePointAt(0).toString(16)).join("-");
  }

  const isLatinToken = (token) => !isCJK(token.codePointAt(0)) && token[0] !== "~";

  // ---- Index ----------------------------------------------------------------------------

  // Index files are stored gzipped (`*.json.gz`). A host that serves them with
  // `Content-Encoding: gzip` hands over JSON already inflated; otherwise the bytes still start
  // with gzip's magic number and are inflated here.
  async function parseIndexFile(bytes) {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  // `load(path)` returns a promise of the bytes (a Uint8Array) of a file under search/ (fetch in
  // a browser, the file system in Node tests). Everything fetched is kept: a session asks again
  // often.
  function createIndex(load) {
    const cache = new Map();
    const get = (path) => {
      if (!cache.has(path)) cache.set(path, load(path).then(parseIndexFile).catch((error) => { cache.delete(path); throw error; }));
      return cache.get(path);
    };
    const index = {
      manifest: () => get("manifest.json.gz"),
      page: (doc) => get("pages/" + doc + ".json.gz"),
      async shard(key) {
        const manifest = await index.manifest();
        if (!manifest.shards.includes(key)) return {};
        return get("shards/" + key + ".json.gz");
      },
      async postings(token) {
        const manifest = await index.manifest();
        const shard = await index.shard(shardKey(token, manifest.sharded));
        return decode(shard[token]);
      },
      search: (query, options) => search(index, query, options),
    };
    return index;
  }

  // [delta, score, delta, score, …] → Map(doc → score)
  function decode(flat) {
    const result = new Map();
    if (!flat) return result;
    let doc = 0;
    for (let i = 0; i < flat.length; i += 2) {
      doc += flat[i];
      result.set(doc, flat[i + 1]);
    }
    return result;
  }

  function termNames(term) {
    return [term.title, ...term.business, ...term.technical, ...term.aliases];
  }

  // Terms one of whose names the query contains (every token of the name is a query token, and
  // for names in Latin letters, as a whole word of the query).
  function bridgedTerms(manifest, tokens) {
    const set = new Set(tokens);
    const found = [];
    for (const term of manifest.terms) {
      for (const name of termNames(term)) {
        const nameTokens = tokenize(name);
        if (nameTokens.length > 0 && nameTokens.every((t) => set.has(t))) {
          found.push({ term, tokens: nameTokens });
          break;
        }
      }
    }
    return found;
  }

  // Every page holding every token of the query (or, for the word being typed, a word it starts);
  // a term named in the query also counts for its name's tokens on pages using the term under any
  // other name. Ranked by the summed BM25 scores of the index.
  async function search(index, query, options = {}) {
    const { prefix = true, maxExpansions = 24, filter = null } = options;
    const manifest = await index.manifest();
    const tokens = [...new Set(tokenize(query))];
    if (tokens.length === 0) return { query, tokens, terms: [], results: [] };

    const groups = tokens.map((token) => ({ token, alternatives: [token] }));
    const last = tokenize(query).pop();
    if (prefix && !/\s$/.test(query) && isLatinToken(last) && last.length >= 3) {
      const shard = await index.shard(shardKey(last, manifest.sharded));
      const words = Object.keys(shard).filter((w) => w !== last && w.startsWith(last))
        .sort((a, b) => shard[b].length - shard[a].length || (a < b ? -1 : 1)).slice(0, maxExpansions);
      groups.find((g) => g.token === last).alternatives.push(...words);
    }
    const bridged = bridgedTerms(manifest, tokens);
    for (const { term, tokens: nameTokens } of bridged) {
      for (const group of groups) {
        if (nameTokens.includes(group.token)) group.alternatives.push("~" + term.id);
      }
    }

    let scores = null;
    for (const group of groups) {
      const groupScores = new Map();
      const lists = await Promise.all(group.alternatives.map((token) => index.postings(token)));
      for (const list of lists) {
        for (const [doc, score] of list) groupScores.set(doc, Math.max(groupScores.get(doc) || 0, score));
      }
      if (scores === null) {
        scores = groupScores;
      } else {
        const next = new Map();
        for (const [doc, score] of scores) {
          if (groupScores.has(doc)) next.set(doc, score + groupScores.get(doc));
        }
        scores = next;
      }
    }
    let results = [...scores].map(([doc, score]) => ({ doc, score }));
    if (filter) results = results.filter((r) => filter(manifest.docs[r.doc], r.doc));
    results.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return { query, tokens, terms: bridged.map((b) => b.term), results };
  }

  // The page's best place for the query: the exact phrase if it is there, else the block holding
  // the most query tokens; with an excerpt around the first hit.
  function locate(record, query) {
    const phrase = normalize(query).trim().replace(/\s+/g, " ");
    const tokens = [...new Set(tokenize(query))];
    const haystack = normalize(record.t + " " + record.d + " " + record.b.map((b) => b[1] + " " + b[2]).join(" "));
    const hasPhrase = phrase.length > 0 && haystack.includes(phrase);
    let best = null;
    let bestHits = -1;
    for (const [id, heading, text] of record.b) {
      const blockText = normalize(heading + " " + text);
      const blockTokens = new Set(tokenize(heading + " " + text));
      const hits = (hasPhrase && blockText.includes(phrase) ? 1000 : 0) + tokens.filter((t) => blockTokens.has(t)).length;
      if (hits > bestHits) { best = { id, heading, text }; bestHits = hits; }
    }
    const text = best ? best.text : record.d;
    return { hasPhrase, anchor: best && best.id ? best.id : "", heading: best ? best.heading : "", excerpt: excerpt(text, query) };
  }

  // Words to highlight: the query's whitespace-separated words and its Latin tokens.
  function highlightWords(query) {
    const words = normalize(query).split(/\s+/).filter(Boolean);
    return [...new Set(words.concat(tokenize(query).filter(isLatinToken)))].sort((a, b) => b.length - a.length);
  }

  function excerpt(text, query, width = 120) {
    const first = highlightRanges(text, query)[0];
    const at = first ? first[0] : 0;
    const start = Math.max(0, at - Math.floor(width / 3));
    const end = Math.min(text.length, start + width);
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  // Where the query's words are in `text`, as [start, end) ranges of `text` itself, in order.
  // Words are found in the normalized text, whose length can differ ("…" becomes "...", "Ⅲ"
  // "iii"), so each character is normalized alone and its units mapped back to it: comparing
  // whole-string positions lost every highlight of an excerpt cut with "…".
  function highlightRanges(text, query) {
    const words = highlightWords(query).filter((w) => w.length > 0);
    if (words.length === 0) return [];
    let lower = "";
    const starts = [];
    const ends = [];
    for (let i = 0; i < text.length;) {
      const width = text.codePointAt(i) > 0xffff ? 2 : 1;
      const piece = normalize(text.slice(i, i + width));
      for (let k = 0; k < piece.length; k++) { starts.push(i); ends.push(i + width); }
      lower += piece;
      i += width;
    }
    const ranges = [];
    let cursor = 0;
    while (cursor < lower.length) {
      let next = -1;
      let length = 0;
      for (const word of words) {
        const found = lower.indexOf(word, cursor);
        if (found >= 0 && (next < 0 || found < next)) { next = found; length = word.length; }
      }
      if (next < 0) break;
      ranges.push([starts[next], ends[next + length - 1]]);
      cursor = next + length;
    }
    return ranges;
  }

  // Appends `text` to `parent` with the query's words wrapped in <mark>: text nodes only.
  function appendHighlighted(parent, text, query) {
    let cursor = 0;
    for (const [start, end] of highlightRanges(text, query)) {
      if (start < cursor) continue;
      if (start > cursor) parent.append(text.slice(cursor, start));
      const mark = parent.ownerDocument.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.append(mark);
      cursor = end;
    }
    if (cursor < text.length) parent.append(text.slice(cursor));
  }

  // Loads page records for a window of results and moves pages with the exact phrase first.
  async function verify(index, found, count) {
    const window = found.results.slice(0, count);
    const records = await Promise.all(window.map((r) => index.page(r.doc)));
    const shown = window.map((result, i) => ({ ...result, record: records[i], place: locate(records[i], found.query) }));
    shown.sort((a, b) => (b.place.hasPhrase - a.place.hasPhrase) || b.score - a.score || a.doc - b.doc);
    return shown;
  }

  const api = { tokenize, normalize, stem, shardKey, fnv1a, createIndex, parseIndexFile, search, locate, excerpt, highlightRanges, verify, decode };

  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }
  global.TongwenSearch = api;

  // ---- Browser UI -----------------------------------------------------------------------

  const script = document.currentScript;
  const root = new URL("../", script.src);

  function start() {
    const form = document.querySelector("form[data-search]");
    if (!form) return;
    const strings = form.dataset;
    const index = createIndex((path) => fetch(new URL("search/" + path, root)).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
    }));
    const input = form.querySelector("input[type=search]");
    const popup = form.querySelector(".search-popup");
    const list = form.querySelector("[role=listbox]");
    const status = form.querySelector(".search-status");
    const all = form.querySelector(".search-all");
    if (location.protocol === "file:") {
      // Browsers refuse fetch() of local files: say so instead of failing silently.
      for (const element of document.querySelectorAll("[data-search-status]")) element.textContent = strings.needsServer;
      input.addEventListener("focus", () => { popup.hidden = false; status.textContent = strings.needsServer; });
    }
    let active = -1;
    let generation = 0;

    const pageURL = (url, anchor) => new URL(url + (anchor ? "#" + encodeURIComponent(anchor) : ""), root).href;

    function options() { return [...list.querySelectorAll("[role=option]")]; }

    function setActive(next) {
      const items = options();
      if (items.length === 0) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (next + items.length) % items.length;
      items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function close() {
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    async function update() {
      const started = performance.now();
      const query = input.value;
      const mine = ++generation;
      all.href = new URL("search/?q=" + encodeURIComponent(query.trim()), root).href;
      if (location.protocol === "file:") return;
      if (!query.trim()) { close(); list.replaceChildren(); return; }
      popup.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = strings.loading;
      let found, shown;
      try {
        found = await index.search(query);
        shown = await verify(index, found, 8);
      } catch (error) {
        if (mine === generation) status.textContent = String(error);
        return;
      }
      if (mine !== generation) return;
      list.replaceChildren();
      for (const term of found.terms) list.append(termCard(term, "search-option-term-" + term.id, query));
      shown.forEach((result, i) => list.append(resultItem(result, "search-option-" + i, query)));
      status.textContent = found.results.length === 0 && found.terms.length === 0
        ? strings.noResults : found.results.length + " " + strings.results;
      active = -1;
      // Query to results shown, for the browser's performance tools (and Scripts/bench-search.py).
      performance.measure("tongwen-search", { start: started });
    }

    function termCard(term, id, query) {
      const item = document.createElement("li");
      item.className = "search-term-card";
      item.id = id;
      item.setAttribute("role", "option");
      const link = document.createElement("a");
      link.href = pageURL(term.url, "");
      const label = document.createElement("span");
      label.className = "badge";
      label.textContent = strings.termLabel;
      const title = document.createElement("strong");
      appendHighlighted(title, term.title, query);
      const names = document.createElement("span");
      names.className = "search-term-names";
      names.textContent = [term.business.join("、"), term.technical.join(", ")].filter(Boolean).join(" ↔ ");
      const summary = document.createElement("span");
      summary.className = "search-excerpt";
      summary.textContent = term.summary;
      link.append(label, " ", title, names, summary);
      item.append(link);
      return item;
    }

    function resultItem(result, id, query) {
      const item = document.createElement("li");
      item.id = id;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      const link = document.createElement("a");
      link.href = pageURL(result.record.u, result.place.anchor);
      const title = document.createElement("span");
      title.className = "search-title";
      appendHighlighted(title, result.record.t, query);
      const meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = result.record.s + (result.place.heading ? " › " + result.place.heading : "");
      const text = document.createElement("span");
      text.className = "search-excerpt";
      appendHighlighted(text, result.place.excerpt, query);
      link.append(title, meta, text);
      item.append(link);
      return item;
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", () => { if (input.value.trim() && list.children.length) { popup.hidden = false; input.setAttribute("aria-expanded", "true"); } });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") { event.preventDefault(); if (popup.hidden) update(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape") { if (!popup.hidden) { event.preventDefault(); close(); } else { input.blur(); } }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        const link = options()[active].querySelector("a");
        if (link) location.href = link.href;
      }
    });
    document.addEventListener("click", (event) => { if (!form.contains(event.target)) close(); });
    document.addEventListener("keydown", (event) => {
      const typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
      if ((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });

    const page = document.querySelector("[data-search-page]");
    if (page && location.protocol !== "file:") resultsPage(page, index, root, strings, { termCard, resultItem });
  }

  // The full results page: search/?q=…&section=…&kind=…&tag=…
  async function resultsPage(page, index, root, strings, render) {
    const params = new URLSearchParams(location.search);
    const query = params.get("q") || "";
    const form = page.querySelector("form");
    const field = form.elements.q;
    field.value = query;
    const status = page.querySelector("[data-search-status]");
    const list = page.querySelector("ol.search-results");
    const more = page.querySelector(".search-more");
    const manifest = await index.manifest();
    fillSelect(form.elements.section, manifest.sections.map(([path, title]) => [path, title]), params.get("section"));
    fillSelect(form.elements.kind, manifest.kinds, params.get("kind"));
    for (const select of [form.elements.section, form.elements.kind, form.elements.tag]) {
      select.addEventListener("change", () => form.requestSubmit());
    }
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = strings.loading;
    const section = params.get("section");
    const kind = params.get("kind");
    const tag = params.get("tag");
    const filter = (meta) => (!section || manifest.sections[meta[0]][0] === section) && (!kind || manifest.kinds[meta[1]][0] === kind);
    const found = await index.search(query, { prefix: false, filter: section || kind ? filter : null });
    let results = found.results;
    if (tag) {
      // Tags live in the page records: check them for the best 200 results.
      const records = await Promise.all(results.slice(0, 200).map((r) => index.page(r.doc)));
      results = results.slice(0, 200).filter((r, i) => records[i].g.includes(tag));
    }
    const tags = new Map();
    const firstRecords = await Promise.all(results.slice(0, 50).map((r) => index.page(r.doc)));
    for (const record of firstRecords) for (const name of record.g) tags.set(name, (tags.get(name) || 0) + 1);
    fillSelect(form.elements.tag, [...tags.keys()].sort().map((name) => [name, name]), tag);
    for (const term of found.terms) list.append(render.termCard(term, "result-term-" + term.id, query));
    let shownCount = 0;
    async function showMore() {
      const window = { ...found, results: results.slice(shownCount, shownCount + 20) };
      const shown = await verify(index, window, 20);
      shown.forEach((result, i) => list.append(render.resultItem(result, "result-" + (shownCount + i), query)));
      shownCount += shown.length;
      more.hidden = shownCount >= results.length;
    }
    status.textContent = results.length === 0 && found.terms.length === 0 ? strings.noResults : results.length + " " + strings.results;
    more.addEventListener("click", showMore);
    await showMore();
  }

  function fillSelect(select, entries, selected) {
    for (const [value, label] of entries) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      if (value === selected) option.selected = true;
      select.append(option);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof window !== "undefined" ? window : globalThis);
