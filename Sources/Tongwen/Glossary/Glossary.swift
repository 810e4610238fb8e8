/// Every glossary term of the site and the automaton that finds their names in text.
public struct Glossary: Sendable {
    public private(set) var terms: [String: GlossaryTerm] = [:]
    /// Term ids in index order (by collation of the title).
    public private(set) var order: [String] = []
    /// Terms by index (`TermTrigger.termIndex`), in id order.
    private(set) var list: [GlossaryTerm] = []
    let matcher: TermMatcher

    /// Term id of a glossary page, by source path.
    public func termID(forSource source: String) -> String? {
        let id = Glossary.id(forSource: source)
        return terms[id]?.sourcePath == source ? id : nil
    }

    static func id(forSource source: String) -> String {
        String((source.split(separator: "/").last ?? "").dropLast(3))
    }

    /// Terms come from `glossary` pages (not the section's `_index.md`). Reports a name claimed by
    /// two terms and a `related` entry that names no term, both as errors.
    static func build(pages: [Page]) -> (Glossary, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries = pages.filter { $0.kind == .glossary && !$0.isSectionIndex }.sorted { $0.sourcePath < $1.sourcePath }
        var terms: [String: GlossaryTerm] = [:]
        var byTitle: [String: String] = [:]
        for page in entries {
            let fields = page.frontMatter.term ?? TermFields()
            let id = id(forSource: page.sourcePath)
            if let existing = terms[id] {
                diagnostics.append(.error("glossary.duplicate-id", "glossary files \(existing.sourcePath) and \(page.sourcePath) have the same name '\(id)'",
                                          path: page.displayPath))
                continue
            }
            terms[id] = GlossaryTerm(
                id: id, sourcePath: page.sourcePath, urlPath: page.urlPath, title: page.title,
                business: fields.business, technical: fields.technical, aliases: fields.aliases,
                summary: fields.summary ?? page.frontMatter.description ?? "",
                related: fields.related, caseSensitive: fields.caseSensitive)
            byTitle[TermText.key(page.title)] = id
        }
        let pagesBySource = Dictionary(uniqueKeysWithValues: entries.map { ($0.sourcePath, $0) })

        // Names: each may belong to one term only.
        var owner: [String: String] = [:]
        var triggers: [TermTrigger] = []
        let ids = terms.keys.sorted()
        let indexOf = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for id in ids {
            let term = terms[id]!
            for name in term.names {
                let key = TermText.key(name)
                if let other = owner[key], other != id, let first = terms[other], let page = pagesBySource[term.sourcePath] {
                    let line = ["business", "technical", "aliases", "title"].first { key in
                        Glossary.names(in: page, key: key).contains { TermText.key($0) == TermText.key(name) }
                    }.flatMap { page.frontMatter.lines[$0] } ?? 1
                    diagnostics.append(.error("glossary.conflict", "glossary name '\(name)' is claimed by both content/\(first.sourcePath) and content/\(term.sourcePath)",
                                              path: page.displayPath, line: line))
                    continue
                }
                owner[key] = id
                triggers.append(TermTrigger(name: name, termID: id, termIndex: indexOf[id]!, caseSensitiveTerm: term.caseSensitive))
            }
        }
        // Related terms: by file name or by title.
        for id in terms.keys.sorted() {
            var term = terms[id]!
            var resolved: [String] = []
            for reference in term.related {
                // A file name (`sla`, `sla.md`, `../glossary/sla.md`), or any name of a term.
                let stem = Glossary.id(forSource: reference.hasSuffix(".md") ? reference : reference + ".md")
                let target = terms[stem] != nil ? stem : (byTitle[TermText.key(reference)] ?? owner[TermText.key(reference)])
                if let target {
                    if target != id, !resolved.contains(target) { resolved.append(target) }
                } else if let page = pagesBySource[term.sourcePath] {
                    diagnostics.append(.error("glossary.unknown-related", "related term '\(reference)' is not a glossary term (use its file name or one of its names)",
                                              path: page.displayPath, line: page.frontMatter.lines["related"] ?? 1))
                }
            }
            term.related = resolved
            terms[id] = term
        }
        var glossary = Glossary(matcher: TermMatcher(triggers: triggers))
        glossary.terms = terms
        glossary.list = ids.map { terms[$0]! }
        glossary.order = terms.values
            .map { (id: $0.id, key: TitleCollation.sortKey($0.title), title: $0.title) }
            .sorted { TitleCollation.precedes(($0.key, $0.title, $0.id), ($1.key, $1.title, $1.id)) }
            .map(\.id)
        return (glossary, diagnostics)
    }

    private static func names(in page: Page, key: String) -> [String] {
        switch key {
        case "business": page.frontMatter.term?.business ?? []
        case "technical": page.frontMatter.term?.technical ?? []
        case "aliases": page.frontMatter.term?.aliases ?? []
        default: [page.title]
        }
    }
}
