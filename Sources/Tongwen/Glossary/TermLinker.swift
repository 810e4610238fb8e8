import HTMLKit

/// Links glossary terms in one page's text nodes, in document order, and counts what it saw.
struct TermLinker {
    let glossary: Glossary
    let page: Page
    let policy: GlossaryLinkPolicy
    /// The term whose own page this is: never linked to itself.
    private let ownTerm: String?
    private var linked: Set<String> = []
    private(set) var uses: [TermUse] = []
    private var useIndex: [String: Int] = [:]
    private var cache: [UInt32: ([UInt32], [UInt32])] = [:]

    init(glossary: Glossary, page: Page, policy: GlossaryLinkPolicy) {
        self.glossary = glossary
        self.page = page
        self.policy = policy
        ownTerm = page.kind == .glossary ? glossary.termID(forSource: page.sourcePath) : nil
    }

    /// Pieces replacing `text`, or nil when it holds no term to link.
    mutating func link(_ text: String) -> [TextPiece]? {
        let normalized = TermText.normalize(text, cache: &cache)
        let matches = TermMatcher.longestNonOverlapping(glossary.matcher.matches(in: normalized))
        guard !matches.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        var pieces: [TextPiece] = []
        var cursor = 0
        for match in matches {
            let id = glossary.matcher.triggers[match.trigger].termID
            guard id != ownTerm, let term = glossary.terms[id] else { continue }
            record(id)
            guard policy == .all || linked.insert(id).inserted else { continue }
            // Cut the original text at the original scalars the normalised match came from.
            let start = Int(normalized.origin[match.start])
            let end = Int(normalized.origin[match.end - 1]) + 1
            if start > cursor { pieces.append(.text(TermLinker.string(scalars[cursor..<start]))) }
            pieces.append(.element(name: "a", attributes: [
                .init("class", "term"),
                .init("href", Permalinks.relativeURL(from: page.urlPath, to: term.urlPath)),
                .init("data-term", id),
                .init("title", term.summary),
            ], text: TermLinker.string(scalars[start..<end])))
            cursor = end
        }
        guard !pieces.isEmpty else { return nil }
        if cursor < scalars.count { pieces.append(.text(TermLinker.string(scalars[cursor...]))) }
        return pieces
    }

    private mutating func record(_ id: String) {
        if let index = useIndex[id] {
            uses[index].count += 1
        } else {
            useIndex[id] = uses.count
            uses.append(TermUse(termID: id, count: 1))
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
