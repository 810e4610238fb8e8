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
        // Grouped by top-level section: a common term is used in nearly every folder. Only the
        // most frequent pages of each section are shown, so keep a short best-first list per
        // section instead of sorting thousands of uses.
        let limit = TemplateContext.usedInPagesPerSection
        var best: [String: [TermOccurrence]] = [:]
        var totals: [String: Int] = [:]
        func before(_ a: TermOccurrence, _ b: TermOccurrence) -> Bool {
            a.count != b.count ? a.count > b.count : a.source < b.source
        }
        for use in termUsage[term.id] ?? [] {
            let top = use.topSection
            totals[top, default: 0] += 1
            if let list = best[top], list.count == limit, let last = list.last, !before(use, last) { continue }
            var list = best.removeValue(forKey: top) ?? []
            let at = list.firstIndex { before(use, $0) } ?? list.count
            list.insert(use, at: at)
            if list.count > limit { list.removeLast() }
            best[top] = list
        }
        info["usedIn"] = best.keys.sorted().map { path -> [String: Any] in
            let section = outline.sections[path]
            let shown = best[path]!
            let total = totals[path] ?? shown.count
            return [
                "title": path.isEmpty ? strings["home"] : (section?.title ?? path),
                "href": Permalinks.relativeURL(from: url, to: section?.urlPath ?? ""),
                "pageCount": total,
                "pages": shown.compactMap { use -> [String: Any]? in
                    guard let page = pages[use.source] else { return nil }
                    return ["title": page.title, "href": Permalinks.relativeURL(from: url, to: page.urlPath), "count": use.count]
                },
                "more": total > shown.count ? total - shown.count : false,
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
