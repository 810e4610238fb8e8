/// What a finished build leaves behind for `SiteUpdater`: the site as built, the renderer, the
/// diagnostics of loading it, and the writer's prepared context and caches.
public struct BuildState: Sendable {
    var options: BuildOptions
    var contentDirectory: String
    var outputDirectory: String
    var site: Site
    var renderer: PageRenderer
    /// Config, theme, loading and resolving: what an edit of a page leaves as it was, but for that
    /// page's own (the diagnostics that depend on order, dates and bodies are worked out again).
    var loadDiagnostics: [Diagnostic]
    var prepared: SiteWriter.Prepared
    var searchIndex: SearchIndexState?
}
