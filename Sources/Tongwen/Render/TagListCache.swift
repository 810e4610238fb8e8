/// Tag pages' entries, rendered once per page through the theme's `tag-page-item` partial: every
/// tag page sits at `tags/SLUG/`, so a page's entry is the same on each tag page listing it
/// (pages carry a few tags, and a big site's tag pages list thousands of entries).
struct TagListCache: Sendable {
    private let rendered: [String: String]

    init(tags: TagIndex, theme: Theme, context: TemplateContext) async {
        let sources = Array(Set(tags.tags.flatMap(\.pages))).sorted()
        let root = Permalinks.rootPrefix(for: KnowledgeBase.tagsURL + "_/")
        let html = await sources.concurrentMap { source in
            theme.render("tag-page-item", context.listItem(source, root: root).merging(["t": context.strings.table, "root": root]) { value, _ in value })
        }
        rendered = Dictionary(uniqueKeysWithValues: zip(sources, html))
    }

    func html(_ source: String) -> String { rendered[source] ?? "" }
}
