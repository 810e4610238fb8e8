/// One Markdown page after loading: where it came from, what it says about itself, where it goes.
///
/// A value with its fields in one shared, copy-on-write box: pages are read out of dictionaries
/// by every stage, and a copy of the plain struct retained and released each of its strings and
/// arrays (front matter included): about 3% of a 10,000-page build's profile. A copy is now one
/// reference count.
public struct Page: Sendable, Identifiable {
    public init(sourcePath: String, displayPath: String, kind: ContentKind, sectionPath: String, isSectionIndex: Bool,
                frontMatter: FrontMatter, body: String, bodyLine: Int, urlPath: String, title: String, sortKey: String = "") {
        storage = Storage(Fields(sourcePath: sourcePath, displayPath: displayPath, kind: kind, sectionPath: sectionPath,
                                 isSectionIndex: isSectionIndex, frontMatter: frontMatter, body: body, bodyLine: bodyLine,
                                 urlPath: urlPath, title: title, sortKey: sortKey))
    }

    /// Path under `content/`, with `/` separators: `docs/network/vpn.md`. Unique: the page's id.
    public var sourcePath: String {
        _read { yield storage.fields.sourcePath }
        _modify { yield &unique.fields.sourcePath }
    }
    /// Path shown in diagnostics (relative to the site folder): `content/docs/network/vpn.md`.
    public var displayPath: String {
        _read { yield storage.fields.displayPath }
        _modify { yield &unique.fields.displayPath }
    }
    public var kind: ContentKind {
        _read { yield storage.fields.kind }
        _modify { yield &unique.fields.kind }
    }
    /// The folder the page belongs to (`docs/network`); `""` for the content root.
    public var sectionPath: String {
        _read { yield storage.fields.sectionPath }
        _modify { yield &unique.fields.sectionPath }
    }
    /// `_index.md` / `index.md`: the page that introduces its folder's section.
    public var isSectionIndex: Bool {
        _read { yield storage.fields.isSectionIndex }
        _modify { yield &unique.fields.isSectionIndex }
    }
    public var frontMatter: FrontMatter {
        _read { yield storage.fields.frontMatter }
        _modify { yield &unique.fields.frontMatter }
    }
    public var body: String {
        _read { yield storage.fields.body }
        _modify { yield &unique.fields.body }
    }
    /// File line on which `body` starts, so Markdown positions map back to the file.
    public var bodyLine: Int {
        _read { yield storage.fields.bodyLine }
        _modify { yield &unique.fields.bodyLine }
    }
    /// The page's URL relative to the site root, ending in `/` (`docs/network/vpn/`); `""` is the home page.
    public var urlPath: String {
        _read { yield storage.fields.urlPath }
        _modify { yield &unique.fields.urlPath }
    }
    /// Title from front matter, else the leading `#` heading, else the file name. Final after rendering.
    public var title: String {
        _read { yield storage.fields.title }
        _modify { yield &unique.fields.title }
    }
    /// Collation key of the final title (pinyin for Chinese), set with the title after rendering.
    public var sortKey: String {
        _read { yield storage.fields.sortKey }
        _modify { yield &unique.fields.sortKey }
    }

    public var id: String { sourcePath }

    /// `../` repeated once per folder between this page's output and the site root.
    public var rootPrefix: String { Permalinks.rootPrefix(for: urlPath) }

    private struct Fields {
        var sourcePath: String
        var displayPath: String
        var kind: ContentKind
        var sectionPath: String
        var isSectionIndex: Bool
        var frontMatter: FrontMatter
        var body: String
        var bodyLine: Int
        var urlPath: String
        var title: String
        var sortKey: String
    }

    /// Changed only through `unique`, when no other page shares it: so it is safe to send.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The box, copied first if another page shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }
}
