import HTMLKit
import Synchronization

/// The `<a class="term" …>` tags of each term for each `href` it is linked with, made by
/// libxml2 once and shared by every page rendered in the build: making the element and its four
/// attributes per link was more of libxml2's time than parsing the page.
///
/// A page outside the term's top folder links it as `rootPrefix + urlPath`, the same for every
/// page of that depth: those tags are found by depth, without working out or hashing the href.
final class TermLinkMarkup: Sendable {
    private enum Key: Hashable {
        case depth(term: Int, depth: Int)
        case href(term: Int, href: String)
    }

    /// What the tags depend on of the page linking: worked out once per page, not per link.
    struct Origin {
        let urlPath: String
        let depth: Int
        let topFolder: Substring

        init(page: Page) {
            self.init(urlPath: page.urlPath)
        }

        init(urlPath: String) {
            self.urlPath = urlPath
            depth = Permalinks.depth(of: urlPath)
            topFolder = TermLinkMarkup.topFolder(urlPath)
        }
    }

    private let made = Mutex<[Key: ElementMarkup]>([:])

    /// The tags by depth (`depthTables[depth]`), each made whole for every term on first use and
    /// read without a lock after: most links are found by depth, hundreds per page.
    private let depthTables: [DepthTable] = (0..<TermLinkMarkup.tabledDepths).map { _ in DepthTable() }
    private static let tabledDepths = 32

    private final class DepthTable: Sendable {
        let tags = AtomicLazyReference<Tags>()
    }

    private final class Tags: Sendable {
        let byTerm: [ElementMarkup]

        init(_ byTerm: [ElementMarkup]) {
            self.byTerm = byTerm
        }
    }

    /// The tags linking the term at `index` in `glossary.list` from the page at `origin`. Reads
    /// the term's fields in place: copying the whole term per link cost 0.1 CPU-s on 10,000 pages.
    func markup(for index: Int, in glossary: Glossary, from origin: Origin) -> ElementMarkup {
        let urlPath = glossary.list[index].urlPath
        guard origin.topFolder != TermLinkMarkup.topFolder(urlPath) else {
            let href = Permalinks.relativeURL(from: origin.urlPath, to: urlPath)
            return cached(.href(term: index, href: href)) { TermLinkMarkup.tag(glossary.list[index], href: href) }
        }
        guard origin.depth < TermLinkMarkup.tabledDepths else {
            return cached(.depth(term: index, depth: origin.depth)) {
                TermLinkMarkup.tag(glossary.list[index], href: Permalinks.rootPrefix(for: origin.urlPath) + Permalinks.urlEscaped(urlPath))
            }
        }
        let table = depthTables[origin.depth]
        if let tags = table.tags.load() { return tags.byTerm[index] }
        // Two tasks may both make a depth's tags: the same tags, and one of them is kept.
        let prefix = Permalinks.rootPrefix(for: origin.urlPath)
        let tags = Tags(glossary.list.map { TermLinkMarkup.tag($0, href: prefix + Permalinks.urlEscaped($0.urlPath)) })
        return table.tags.storeIfNil(tags).byTerm[index]
    }

    /// The tags under `key` in `made`, made the first time.
    private func cached(_ key: Key, _ make: () -> ElementMarkup) -> ElementMarkup {
        if let found = made.withLock({ $0[key] }) { return found }
        let markup = make()
        made.withLock { $0[key] = markup }
        return markup
    }

    private static func tag(_ term: GlossaryTerm, href: String) -> ElementMarkup {
        ElementMarkup(name: "a", attributes: [
            .init("class", "term"), .init("href", href), .init("data-term", term.id), .init("title", term.summary),
        ])
    }

    /// The first folder of a URL path (`docs` of `docs/a/`), empty for the home page.
    private static func topFolder(_ urlPath: String) -> Substring {
        urlPath.utf8.firstIndex(of: UInt8(ascii: "/")).map { urlPath[..<$0] } ?? ""
    }
}
