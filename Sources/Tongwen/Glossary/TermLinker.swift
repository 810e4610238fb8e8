import HTMLKit

/// Links glossary terms in one page's text nodes, in document order, and counts what it saw.
/// Per-term state lives in arrays indexed by term: a page has hundreds of matches.
struct TermLinker {
    let glossary: Glossary
    let page: Page
    let policy: GlossaryLinkPolicy
    let markup: TermLinkMarkup
    /// The term whose own page this is: never linked to itself.
    private let ownTerm: Int?
    private var linked: [Bool]
    private var counts: [Int]
    private var firstUse: [Int] = []
    /// Each term's URL relative to this page, worked out once.
    private var hrefs: [String?]
    private var scratch = TermMatcher.Scratch()

    init(glossary: Glossary, page: Page, policy: GlossaryLinkPolicy, markup: TermLinkMarkup) {
        self.glossary = glossary
        self.markup = markup
        self.page = page
        self.policy = policy
        let count = glossary.list.count
        linked = [Bool](repeating: false, count: count)
        counts = [Int](repeating: 0, count: count)
        hrefs = [String?](repeating: nil, count: count)
        let own = page.kind == .glossary ? glossary.termID(forSource: page.sourcePath) : nil
        ownTerm = own.flatMap { id in glossary.list.firstIndex { $0.id == id } }
    }

    /// Terms the page used, in order of first use, with occurrence counts.
    var uses: [TermUse] {
        firstUse.map { TermUse(termID: glossary.list[$0].id, count: counts[$0]) }
    }

    /// Pieces replacing `text`, or nil when it holds no term to link.
    mutating func link(_ text: String) -> [TextPiece]? {
        let found = glossary.matcher.matches(inText: text, scratch: &scratch)
        guard !found.isEmpty else { return nil }
        let matches = TermMatcher.longestNonOverlapping(found)
        var pieces: [TextPiece] = []
        var utf8 = text
        let byteCount = text.utf8.count
        var cursor = 0
        for match in matches {
            let index = glossary.matcher.triggers[match.trigger].termIndex
            guard index != ownTerm else { continue }
            if counts[index] == 0 { firstUse.append(index) }
            counts[index] += 1
            guard policy == .all || !linked[index] else { continue }
            linked[index] = true
            let term = glossary.list[index]
            let href = hrefs[index] ?? {
                let made = Permalinks.relativeURL(from: page.urlPath, to: term.urlPath)
                hrefs[index] = made
                return made
            }()
            // Cut the original text at the original bytes the normalised match came from.
            let start = match.byteStart
            let end = match.byteEnd
            if start > cursor { pieces.append(.text(TermLinker.slice(&utf8, cursor..<start))) }
            pieces.append(.wrapped(markup.markup(for: term, index: index, href: href), text: TermLinker.slice(&utf8, start..<end)))
            cursor = end
        }
        guard !pieces.isEmpty else { return nil }
        if cursor < byteCount { pieces.append(.text(TermLinker.slice(&utf8, cursor..<byteCount))) }
        return pieces
    }

    /// Bytes `range` of `text` (always on scalar boundaries) as a string.
    private static func slice(_ text: inout String, _ range: Range<Int>) -> String {
        text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
