/// What the load stage found under `content/`.
struct LoadedContent: Sendable {
    var pages: [Page]
    var assets: [Asset]
    var diagnostics: [Diagnostic]
}
