#!/usr/bin/env python3
"""Where a built site's bytes go, by the feature that puts them there.

    Scripts/output-size.py OUTPUT_DIR

Issue 2 budgets the 10,000-page corpus's whole output; this splits the output so the budget can
be weighed against what each feature requires. Every byte is counted once, in the first row that
claims it, reading top to bottom:

- search index: everything under search/ but its results page (issue 4);
- FAQ category pages: faq/c/**, which repeat every answer of their category (issue 5);
- in the other HTML pages: term links' markup (the <a class="term" …> tag and its </a>, not the
  linked text), "Terms on this page", the sidebar, the site header, <head>, the site footer;
- rest of HTML: page text, headings, meta blocks, breadcrumbs, pager, section lists …;
- other files: assets, feeds, sitemap, JSON.

Pages are read as bytes and split with the default theme's markers, so a site with its own
templates may put some of its markup under "rest of HTML".
"""
import os
import re
import sys

REGIONS = [
    ("term links' markup (issue 3)", rb'<a class="term"[^>]*>', 4),  # + len("</a>")
    ('"Terms on this page" (issue 3)', rb'<aside class="page-terms".*?</aside>', 0),
    ("sidebar (issue 2)", rb'<nav class="sidebar".*?\n</nav>', 0),
    ("site header with search box", rb'<header class="site-header">.*?</header>', 0),
    ("<head>", rb'<head>.*?</head>', 0),
    ("site footer", rb'<footer class="site-footer">.*?</footer>', 0),
]


def main(root):
    totals = {"search index (issue 4)": 0, "FAQ category pages (issue 5)": 0}
    totals.update({name: 0 for name, _, _ in REGIONS})
    totals.update({"rest of HTML": 0, "other files": 0})
    pages = 0
    for folder, _, files in os.walk(root):
        relative = os.path.relpath(folder, root)
        top = relative.split(os.sep)
        for name in files:
            path = os.path.join(folder, name)
            size = os.path.getsize(path)
            if top[0] == "search" and not (relative == "search" and name == "index.html"):
                totals["search index (issue 4)"] += size
            elif top[:2] == ["faq", "c"]:
                totals["FAQ category pages (issue 5)"] += size
            elif name.endswith(".html"):
                pages += 1
                html = open(path, "rb").read()
                for region, pattern, extra in REGIONS:
                    found = sum(len(m.group(0)) + extra for m in re.finditer(pattern, html, re.S))
                    totals[region] += found
                    size -= found
                totals["rest of HTML"] += size
            else:
                totals["other files"] += size
    whole = sum(totals.values())
    print(f"{'part':34} {'MB':>8} {'share':>6} {'bytes/page':>11}")
    for part, size in totals.items():
        print(f"{part:34} {size / 1e6:8.1f} {100 * size / whole:5.1f}% {size / max(pages, 1):11.0f}")
    print(f"{'whole output':34} {whole / 1e6:8.1f} {100.0:5.1f}% {whole / max(pages, 1):11.0f}")
    print(f"({pages} HTML pages outside search/ and faq/c/)")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit(__doc__.strip())
    main(sys.argv[1])
