/// What `tongwen build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder: holds `content/`, optional `tongwen.yml` and `templates/`.
    public var siteDirectory: String
    /// Defaults to `SITE/public`.
    public var outputDirectory: String?
    /// Overrides `baseURL` from `tongwen.yml`.
    public var baseURL: String?
    public var includeDrafts: Bool = false
    /// Warnings fail the build (the CI mode).
    public var strict: Bool = false
    /// The build date: review dates, overdue milestones and stale projects are measured from it.
    public var today: Day = .today()
    /// Whether pages past their review date are warnings (`--stale=warn`, the default) or not
    /// mentioned (`--stale=ignore`).
    public var warnsOnOverdueReviews = true
    /// The default theme folder; the site's own `templates/` overrides it file by file.
    public var themeDirectory: String
    /// Told about each stage as it starts and ends (for the terminal progress display).
    public var progress: (@Sendable (BuildProgress) -> Void)?

    public init(siteDirectory: String, themeDirectory: String) {
        self.siteDirectory = siteDirectory
        self.themeDirectory = themeDirectory
    }
}
