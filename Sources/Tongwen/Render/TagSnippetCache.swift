/// A page's tag links, rendered once per tag and page depth through the theme's `page-tag`
/// partial: a tag's `<li>` is the same on every page at the same depth, and rendering each
/// page's tags itself cost four Mustache lookups per tag.
struct TagSnippetCache: Sendable {
    struct Key: Hashable, Sendable {
        var tag: String
        var depth: Int
    }

    private let rendered: [Key: String]

    init(keys: Set<Key>, theme: Theme, context: TemplateContext) async {
        let list = Array(keys)
        let html = await list.concurrentMap { key -> String in
            // The snippets are joined with nothing between them: an editor's final newline is dropped.
            theme.renderSnippet("page-tag", context.tagItem(key.tag, root: String(repeating: "../", count: key.depth)).merging(["t": context.strings.table]) { value, _ in value })
        }
        rendered = Dictionary(uniqueKeysWithValues: zip(list, html))
    }

    /// Every (tag, depth) the site's pages need.
    static func keys(pages: some Sequence<Page>) -> Set<Key> {
        var keys: Set<Key> = []
        for page in pages {
            let depth = Permalinks.depth(of: page.urlPath)
            for tag in page.frontMatter.tags { keys.insert(Key(tag: tag, depth: depth)) }
        }
        return keys
    }

    func html(_ tag: String, depth: Int) -> String { rendered[Key(tag: tag, depth: depth)] ?? "" }
}
