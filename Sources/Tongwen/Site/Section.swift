/// A folder of pages, with its place in the navigation tree.
public struct Section: Sendable, Hashable {
    /// Folder under `content/` (`docs/network`); `""` is the root.
    public var path: String
    /// `docs/network/`; `""` for the root.
    public var urlPath: String
    public var title: String
    /// Source path of the `_index.md` that introduces the section, if any.
    public var indexPage: String?
    public var parent: String?
    /// Child section paths, in display order.
    public var children: [String] = []
    /// Source paths of the pages directly in the folder (not the index page), in display order.
    public var pages: [String] = []
    /// Pages in this section and every section below it.
    public var totalPages: Int = 0
    /// Top-level folder kind, for labels and styling.
    public var kind: ContentKind
}
