import Synchronization

/// Tag pages' entries, rendered through the theme's `tag-page-item` partial once per page and
/// shared by every tag page listing it: all tag pages sit at `tags/SLUG/`, so a page's entry is
/// the same on each (pages carry a few tags, and a big site's tag pages list thousands of
/// entries). Entries are made when a tag page first needs them, so `tongwen serve` rewriting
/// two tag pages renders only their entries.
final class TagListCache: Sendable {
    private let theme: Theme
    private let context: TemplateContext
    private let root = Permalinks.rootPrefix(for: KnowledgeBase.tagsURL + "_/")
    private let made = Mutex<[String: String]>([:])

    init(theme: Theme, context: TemplateContext) {
        self.theme = theme
        self.context = context
    }

    func html(_ source: String) -> String {
        if let found = made.withLock({ $0[source] }) { return found }
        let values = context.listItem(source, root: root).merging(["t": context.strings.table, "root": root]) { value, _ in value }
        let html = theme.render("tag-page-item", values)
        made.withLock { $0[source] = html }
        return html
    }
}
