/// The theme's `head`, `header` and `footer` partials rendered once per way back to the root:
/// they see only the site, the UI strings and `root`, so every page at one depth shares them.
/// Rendering them per page cost a fifth of the write stage (one Mustache lookup is ~2 µs).
struct ChromeCache: Sendable {
    static let partials = ["head", "header", "footer"]

    private let rendered: [String: [String: String]]

    /// `context(root)` is the base context of a page whose root prefix is `root`.
    init(roots: Set<String>, theme: Theme, context: (String) -> [String: Any]) {
        var rendered: [String: [String: String]] = [:]
        for root in roots {
            let values = context(root)
            rendered[root] = Dictionary(uniqueKeysWithValues: ChromeCache.partials.map { ($0, theme.render($0, values)) })
        }
        self.rendered = rendered
    }

    /// `head`, `header` and `footer` HTML for pages whose root prefix is `root`.
    func chrome(root: String) -> [String: String]? { rendered[root] }
}
