/// A title and position given to a content folder in `tongwen.yml`.
public struct SectionConfig: Sendable, Hashable {
    /// Folder path relative to `content/`, without slashes at either end (`docs`, `docs/network`).
    public var path: String
    public var title: String?

    public init(path: String, title: String?) {
        self.path = path
        self.title = title
    }
}
