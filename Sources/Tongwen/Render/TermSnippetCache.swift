/// "Terms on this page" entries, rendered once per term and page depth through the theme's
/// `page-term` and `page-term-name` partials: a term's entry is the same on every page at the
/// same depth, and pages of the benchmark corpus use forty terms each.
struct TermSnippetCache: Sendable {
    struct Snippet: Sendable {
        /// With the summary (`page-term`).
        var described: String
        /// Name only (`page-term-name`).
        var named: String
    }

    private let snippets: [String: [Int: Snippet]]

    init(glossary: Glossary, depths: Set<Int>, theme: Theme, strings: UIStrings) async {
        let work = glossary.list.flatMap { term in depths.map { (term, $0) } }
        let rendered = await work.concurrentMap { term, depth -> (String, Int, Snippet) in
            let values: [String: Any] = [
                "id": term.id, "title": term.title, "summary": term.summary, "t": strings.table,
                "href": String(repeating: "../", count: depth) + Permalinks.urlEscaped(term.urlPath),
            ]
            return (term.id, depth, Snippet(described: theme.render("page-term", values), named: theme.render("page-term-name", values)))
        }
        var snippets: [String: [Int: Snippet]] = [:]
        for (id, depth, snippet) in rendered { snippets[id, default: [:]][depth] = snippet }
        self.snippets = snippets
    }

    func snippet(_ id: String, depth: Int) -> Snippet? { snippets[id]?[depth] }
}
