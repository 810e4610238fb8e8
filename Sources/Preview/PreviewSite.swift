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
    /// The last good build, for updates that rewrite only what an edit changed.
    private var state: BuildState?

    public init(options: BuildOptions) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tongwen-serve-\(UUID().uuidString)").path
        outputDirectory = folder + "/public"
        var options = options
        options.outputDirectory = outputDirectory
        options.progress = nil
        self.options = options
    }

    /// Brings the output up to date with `changed` (everything when empty): page bodies alone are
    /// updated in place, anything else rebuilds the site (a failed build leaves the last good
    /// output in place). Then tells open pages to reload.
    @discardableResult
    public func rebuild(changed: Set<String> = []) async -> (diagnostics: [Diagnostic], seconds: Double, failed: Bool, incremental: Bool) {
        let started = ContinuousClock.now
        var result: (diagnostics: [Diagnostic], seconds: Double, failed: Bool, incremental: Bool) = ([], 0, false, false)
        if !changed.isEmpty, failure == nil, var current = state,
           case .updated(let report, _) = await SiteUpdater.update(&current, changedPaths: changed) {
            state = current
            result = (report.diagnostics, 0, false, true)
        } else {
            do {
                let (report, built) = try await SiteBuilder(options: options).buildKeepingState()
                state = built
                failure = nil
                result = (report.diagnostics, 0, false, false)
            } catch {
                failure = error.diagnostics.filter { $0.severity == .error }
                result = (error.diagnostics, 0, true, false)
            }
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
