/// What a finished build leaves behind for `SiteUpdater`: the site as built, the renderer, the
/// diagnostics that do not depend on page bodies, and the writer's prepared context and caches.
public struct BuildState: Sendable {
    var options: BuildOptions
    var contentDirectory: String
    var outputDirectory: String
    var site: Site
    var renderer: PageRenderer
    var staticDiagnostics: [Diagnostic]
    /// Config, theme, loading and resolving: what a front-matter edit of one page leaves as it
    /// was, but for that page's own.
    var loadDiagnostics: [Diagnostic]
    var prepared: SiteWriter.Prepared
    var searchIndex: SearchIndexState?
}
