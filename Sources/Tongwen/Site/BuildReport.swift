/// What a successful build produced.
public struct BuildReport: Sendable {
    public var pages: Int
    public var assets: Int
    public var outputDirectory: String
    /// Warnings and notes; a successful build has no errors.
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    /// Every link to another site, in page order (`tongwen check` lists or fetches them).
    public var externalLinks: [ExternalLink] = []
    /// Output file → the source it was built from (`docs/vpn/index.html` → `content/docs/vpn.md`).
    public var sources: [String: String] = [:]
    /// Output file → links of its body already checked at their Markdown source.
    public var checkedLinks: [String: Set<String>] = [:]

    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}
