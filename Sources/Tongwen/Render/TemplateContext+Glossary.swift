/// What glossary pages, the glossary index and "Terms on this page" show.
extension TemplateContext {
    /// A term as other pages list it: title, link and summary.
    func termReference(_ id: String, from url: String) -> [String: Any]? {
        guard let term = glossary.terms[id] else { return nil }
        return ["id": id, "title": term.title, "summary": term.summary, "href": Permalinks.relativeURL(from: url, to: term.urlPath)]
    }

    /// Every depth at which pages exist (for per-depth snippet caches).
    func pageDepths() -> Set<Int> {
        Set(pages.values.map { Permalinks.depth(of: $0.urlPath) })
    }

    /// Terms listed with their summary at the end of a page; further ones are listed by name.
    static let termsWithSummaries = 12

    /// Pages listed per section under "Used in"; the rest are counted. A common term is used on
    /// thousands of pages, and a term page must not grow with the site.
    static let usedInPagesPerSection = 10

    /// A term page's own block: both vocabularies, related terms, and the pages using it grouped
    /// by section (sections by path, pages by uses, the most frequent first).
    func termInfo(_ term: GlossaryTerm, from url: String) -> [String: Any] {
        var fields = TermFields()
        fields.business = term.business
        fields.technical = term.technical
        fields.aliases = term.aliases
        fields.summary = term.summary
        var info = termInfo(fields)
        info["related"] = term.related.compactMap { termReference($0, from: url) }
        // Grouped by top-level section: a common term is used in nearly every folder.
        var bySection: [String: [(page: Page, count: Int)]] = [:]
        for use in termUsage[term.id] ?? [] {
            guard let page = pages[use.source] else { continue }
            let top = page.sectionPath.split(separator: "/").first.map(String.init) ?? ""
            bySection[top, default: []].append((page, use.count))
        }
        info["usedIn"] = bySection.keys.sorted().map { path -> [String: Any] in
            let section = outline.sections[path]
            let uses = bySection[path]!.sorted { ($1.count, $0.page.sourcePath) < ($0.count, $1.page.sourcePath) }
            let shown = uses.prefix(TemplateContext.usedInPagesPerSection)
            return [
                "title": path.isEmpty ? strings["home"] : (section?.title ?? path),
                "href": Permalinks.relativeURL(from: url, to: section?.urlPath ?? ""),
                "pageCount": uses.count,
                "pages": shown.map { ["title": $0.page.title, "href": Permalinks.relativeURL(from: url, to: $0.page.urlPath), "count": $0.count] },
                "more": uses.count > shown.count ? uses.count - shown.count : false,
            ]
        }
        info["usedInCount"] = (termUsage[term.id] ?? []).count
        return info
    }

    /// The glossary index: every term under its initial (Latin letter, or the pinyin initial of a
    /// Chinese title), with all its names for the filter box.
    func glossaryIndex(for section: Section) -> [String: Any] {
        var groups: [String: [[String: Any]]] = [:]
        for id in glossary.order {
            let term = glossary.terms[id]!
            let initial = TitleCollation.initial(term.title)
            groups[initial, default: []].append([
                "id": id, "title": term.title, "summary": term.summary,
                "href": Permalinks.relativeURL(from: section.urlPath, to: term.urlPath),
                "business": term.business.joined(separator: "、"), "technical": term.technical.joined(separator: ", "),
                "search": TermText.key(term.names.joined(separator: " | ")),
            ])
        }
        let letters = (UnicodeScalar("A").value...UnicodeScalar("Z").value).map { String(UnicodeScalar($0)!) } + ["#"]
        return [
            "letters": letters.map { ["letter": $0, "present": groups[$0] != nil, "anchor": "letter-" + ($0 == "#" ? "other" : $0)] },
            "groups": letters.filter { groups[$0] != nil }.map { letter in
                ["letter": letter, "anchor": "letter-" + (letter == "#" ? "other" : letter), "terms": groups[letter]!]
            },
            "termCount": glossary.terms.count,
        ]
    }

    func termInfo(_ term: TermFields) -> [String: Any] {
        var info: [String: Any] = [
            "business": term.business.map { ["name": $0] },
            "technical": term.technical.map { ["name": $0] },
        ]
        info["aliases"] = term.aliases.map { ["name": $0] }
        if let summary = term.summary { info["summary"] = summary }
        return info
    }
}
