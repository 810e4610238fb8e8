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
    /// The term of each run wrapped so far, in document order.
    private(set) var wrapped: [Int] = []
    private var scratch = TermMatcher.Scratch()
    private let origin: TermLinkMarkup.Origin

    init(glossary: Glossary, page: Page, policy: GlossaryLinkPolicy, markup: TermLinkMarkup) {
        self.glossary = glossary
        self.markup = markup
        self.page = page
        self.policy = policy
        origin = TermLinkMarkup.Origin(page: page)
        let count = glossary.list.count
        linked = [Bool](repeating: false, count: count)
        counts = [Int](repeating: 0, count: count)
        let own = page.kind == .glossary ? glossary.termID(forSource: page.sourcePath) : nil
        ownTerm = own.flatMap { id in glossary.list.firstIndex { $0.id == id } }
    }

    /// Terms the page used, in order of first use, with occurrence counts.
    var uses: [TermUse] {
        firstUse.map { TermUse(termID: glossary.list[$0].id, count: counts[$0]) }
    }

    /// The runs of `text` (UTF-8) to wrap in term links, or nil when it holds no term to link.
    mutating func link(_ text: UnsafeBufferPointer<UInt8>) -> [TextWrap]? {
        // The line breaks between block elements, about a quarter of a page's text nodes: no name
        // is blank.
        guard text.contains(where: { $0 > 0x20 }) else { return nil }
        let found = glossary.matcher.matches(inUTF8: text, scratch: &scratch)
        guard !found.isEmpty else { return nil }
        var wraps: [TextWrap] = []
        for match in TermMatcher.longestNonOverlapping(found) {
            let index = glossary.matcher.triggers[match.trigger].termIndex
            guard index != ownTerm else { continue }
            if counts[index] == 0 { firstUse.append(index) }
            counts[index] += 1
            guard policy == .all || !linked[index] else { continue }
            linked[index] = true
            wrapped.append(index)
            // The original bytes the normalised match came from.
            wraps.append(TextWrap(range: match.byteStart..<match.byteEnd, markup: markup.markup(for: index, in: glossary, from: origin)))
        }
        return wraps.isEmpty ? nil : wraps
    }
}
