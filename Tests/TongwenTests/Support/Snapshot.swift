import Foundation
import Testing

/// Golden files: `Snapshots/<name>` beside the tests. `RECORD_SNAPSHOTS=1 swift test` writes new
/// baselines; otherwise a mismatch fails with a line diff.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing snapshot \(name): run RECORD_SNAPSHOTS=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("snapshot \(name) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The first differing lines with a little context: enough to see what changed.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        var shown = 0
        for index in 0..<max(old.count, new.count) where shown < 12 {
            let left = index < old.count ? String(old[index]) : nil
            let right = index < new.count ? String(new[index]) : nil
            guard left != right else { continue }
            if let left { lines.append("\(index + 1) - \(left)") }
            if let right { lines.append("\(index + 1) + \(right)") }
            shown += 1
        }
        return lines.joined(separator: "\n")
    }
}
