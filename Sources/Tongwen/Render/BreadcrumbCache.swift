/// The `breadcrumbs` partial rendered once per section and root prefix for content pages: every
/// page of a section has the same trail, and rendering it per page was ten Mustache lookups each.
struct BreadcrumbCache: Sendable {
    struct Key: Hashable, Sendable {
        var section: String
        var root: String
    }

    private let rendered: [Key: String]

    init(keys: Set<Key>, theme: Theme, context: TemplateContext) {
        var rendered: [Key: String] = [:]
        for key in keys {
            let values: [String: Any] = [
                "breadcrumbs": context.breadcrumbs(section: key.section, root: key.root, includeLast: true),
                "root": key.root, "t": context.strings.table,
            ]
            // Included with `{{{breadcrumbsHTML}}}` on a line of its own, whose newline takes the
            // place of the partial's last one (a standalone `{{> breadcrumbs}}` line drops its own).
            rendered[key] = theme.renderSnippet("breadcrumbs", values)
        }
        self.rendered = rendered
    }

    func html(_ key: Key) -> String? { rendered[key] }
}
