/// A link to another site, as written on a page: listed by `tongwen check`, fetched only with
/// `--external` (CI has no network).
public struct ExternalLink: Sendable, Hashable {
    public var url: String
    public var path: String
    public var line: Int
    public var column: Int
}
