/// One Markdown page after loading: where it came from, what it says about itself, where it goes.
public struct Page: Sendable, Identifiable {
    /// Path under `content/`, with `/` separators: `docs/network/vpn.md`. Unique: the page's id.
    public var sourcePath: String
    /// Path shown in diagnostics (relative to the site folder): `content/docs/network/vpn.md`.
    public var displayPath: String
    public var kind: ContentKind
    /// The folder the page belongs to (`docs/network`); `""` for the content root.
    public var sectionPath: String
    /// `_index.md` / `index.md`: the page that introduces its folder's section.
    public var isSectionIndex: Bool
    public var frontMatter: FrontMatter
    public var body: String
    /// File line on which `body` starts, so Markdown positions map back to the file.
    public var bodyLine: Int
    /// The page's URL relative to the site root, ending in `/` (`docs/network/vpn/`); `""` is the home page.
    public var urlPath: String
    /// Title from front matter, else the leading `#` heading, else the file name. Final after rendering.
    public var title: String
    /// Collation key of the final title (pinyin for Chinese), set with the title after rendering.
    public var sortKey: String = ""

    public var id: String { sourcePath }

    /// `../` repeated once per folder between this page's output and the site root.
    public var rootPrefix: String { Permalinks.rootPrefix(for: urlPath) }
}
