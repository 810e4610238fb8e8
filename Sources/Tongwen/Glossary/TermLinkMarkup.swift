import HTMLKit
import Synchronization

/// The `<a class="term" …>` tags of each term for each `href` it is linked with, made by
/// libxml2 once and shared by every page rendered in the build (pages of one folder link a term
/// with the same `href`): making the element and its four attributes per link was more of
/// libxml2's time than parsing the page.
final class TermLinkMarkup: Sendable {
    private struct Key: Hashable {
        var term: Int
        var href: String
    }

    private let made = Mutex<[Key: ElementMarkup]>([:])

    func markup(for term: GlossaryTerm, index: Int, href: String) -> ElementMarkup {
        let key = Key(term: index, href: href)
        if let found = made.withLock({ $0[key] }) { return found }
        let markup = ElementMarkup(name: "a", attributes: [
            .init("class", "term"), .init("href", href), .init("data-term", term.id), .init("title", term.summary),
        ])
        made.withLock { $0[key] = markup }
        return markup
    }
}
