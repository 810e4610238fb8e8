import Foundation
import Tongwen

/// Progress and diagnostics on standard error. Progress redraws one line on a terminal and is
/// silent when piped (CI logs get only diagnostics and the summary).
struct Terminal: Sendable {
    let interactive = isatty(STDERR_FILENO) == 1

    func show(_ progress: BuildProgress, verbose: Bool) {
        let label = "[\(progress.index)/\(progress.total)] \(progress.stage)"
        if let seconds = progress.seconds {
            if verbose {
                write(String(format: "\r\u{1B}[K%@ %@ (%.3f s)\n", label, progress.detail, seconds), force: true)
            } else if interactive {
                write("\r\u{1B}[K\(label) \(progress.detail)")
            }
        } else if interactive {
            write("\r\u{1B}[K\(label)…")
        }
    }

    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        if interactive { write("\r\u{1B}[K") }
        for diagnostic in diagnostics.sorted() { write(diagnostic.description + "\n", force: true) }
    }

    func line(_ text: String) {
        write((interactive ? "\r\u{1B}[K" : "") + text + "\n", force: true)
    }

    private func write(_ text: String, force: Bool = false) {
        guard force || interactive else { return }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
