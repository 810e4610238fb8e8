import Foundation
import Tongwen

/// The site `tongwen serve` shows: built into a private temporary folder (the site's own `public/`
/// is never touched), rebuilt on every change, with the diagnostics of a failed build kept so
/// pages can show them instead of stale content.
public actor PreviewSite {
    public let outputDirectory: String
    private let options: BuildOptions
    /// The errors of the last build, when it failed; nil when it succeeded.
    public private(set) var failure: [Diagnostic]?
    let broadcaster = ReloadBroadcaster()

    public init(options: BuildOptions) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-serve-\(UUID().uuidString)").path
        outputDirectory = folder + "/public"
        var options = options
        options.outputDirectory = outputDirectory
        options.progress = nil
        self.options = options
    }

    /// Builds (a failed build leaves the last good output in place), then tells open pages to reload.
    @discardableResult
    public func rebuild() async -> (diagnostics: [Diagnostic], seconds: Double, failed: Bool) {
        let started = ContinuousClock.now
        var result: (diagnostics: [Diagnostic], seconds: Double, failed: Bool)
        do {
            let report = try await SiteBuilder(options: options).build()
            failure = nil
            result = (report.diagnostics, 0, false)
        } catch {
            failure = error.diagnostics.filter { $0.severity == .error }
            result = (error.diagnostics, 0, true)
        }
        let elapsed = ContinuousClock.now - started
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        await broadcaster.reload()
        return result
    }

    /// Removes the temporary output.
    public func cleanUp() {
        try? FileManager.default.removeItem(atPath: (outputDirectory as NSString).deletingLastPathComponent)
    }
}
