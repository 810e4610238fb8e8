import Foundation

/// Finds the default theme: `$TONGWEN_THEME`, else a `templates/` folder beside or above the
/// executable (a source checkout: `.build/release/tongwen` → `templates/`), else
/// `PREFIX/share/tongwen/templates` for an installed binary.
public enum ThemeLocator {
    public static func defaultThemeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment,
                                             executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let explicit = environment["TONGWEN_THEME"], !explicit.isEmpty { return explicit }
        let manager = FileManager.default
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [url.appendingPathComponent("templates"), url.appendingPathComponent("share/tongwen/templates")]
            where manager.fileExists(atPath: candidate.appendingPathComponent("page.mustache").path) {
                return candidate.path
            }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
