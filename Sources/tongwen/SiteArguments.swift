import ArgumentParser
import Tongwen

/// What `build`, `check` and `serve` all take: the site folder, drafts, the theme.
struct SiteArguments: ParsableArguments {
    @Argument(help: "The site folder, holding content/ and an optional tongwen.yml.", completion: .directory)
    var siteDirectory: String = "."

    @Flag(help: "Include pages marked `draft: true`.")
    var drafts = false

    @Option(help: "Default theme folder (default: $TONGWEN_THEME, or templates/ beside the executable).", completion: .directory)
    var theme: String?

    /// Build options for the site, with the default theme found.
    func buildOptions() throws -> BuildOptions {
        guard let themeDirectory = theme ?? ThemeLocator.defaultThemeDirectory() else {
            throw ValidationError("cannot find the default theme: pass --theme DIR or set TONGWEN_THEME")
        }
        var options = BuildOptions(siteDirectory: siteDirectory, themeDirectory: themeDirectory)
        options.includeDrafts = drafts
        return options
    }
}
