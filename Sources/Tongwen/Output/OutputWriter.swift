import Foundation
import Synchronization

/// The one way anything reaches the output: files go into a staging folder beside the output
/// folder, which replaces the output only when the whole build succeeded.
///
/// Paths are checked before every write, so no file name, slug or redirect from the content can
/// put a file outside the staging folder.
struct OutputWriter: Sendable {
    /// The folder the user asked for (`public/`).
    let outputDirectory: String
    /// Where this build writes (`.public.tongwen-tmp-PID` beside it).
    let stagingDirectory: String
    /// Writing into the live output (`tongwen serve` after an edit): each file goes to a
    /// temporary name first and is renamed over the old one, so readers never see half a file.
    let inPlace: Bool
    /// Whether a previous build's output is there to link unchanged files from (`UnchangedFile`).
    let hasPreviousOutput: Bool
    /// Set when a link proved impossible here: the remaining files are written without first
    /// reading their previous version.
    private let linksFailed = Flag()

    /// Marks a folder as made by Tongwen, so a build never replaces a folder it did not make.
    static let markerFile = ".tongwen-build"
    static let markerText = "This folder is written by `tongwen build` and replaced whole on every build.\n"

    init(outputDirectory: String) {
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        self.outputDirectory = output.path
        let parent = output.deletingLastPathComponent().path
        self.stagingDirectory = parent + "/." + output.lastPathComponent + ".tongwen-tmp-\(getpid())"
        inPlace = false
        hasPreviousOutput = FileManager.default.fileExists(atPath: output.path + "/" + OutputWriter.markerFile)
    }

    /// A writer that replaces files of an existing output folder one by one.
    init(replacingFilesIn outputDirectory: String) {
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        self.outputDirectory = output.path
        self.stagingDirectory = output.path
        inPlace = true
        hasPreviousOutput = false
    }

    /// Creates the empty staging folder, first removing staging or old-output folders that an
    /// interrupted build left beside the output (only ours: same name pattern and our marker).
    func prepare() async throws {
        let manager = FileManager.default
        let parent = (stagingDirectory as NSString).deletingLastPathComponent
        let name = (outputDirectory as NSString).lastPathComponent
        for entry in (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix("." + name + ".tongwen-tmp-") || entry.hasPrefix("." + name + ".tongwen-old-") {
            let stale = parent + "/" + entry
            if manager.fileExists(atPath: stale + "/" + OutputWriter.markerFile) { await OutputWriter.removeTree(stale) }
        }
        try manager.createDirectory(atPath: stagingDirectory, withIntermediateDirectories: true)
        try write(OutputWriter.markerText, to: OutputWriter.markerFile)
    }

    /// The full staging path for a site-relative output path, or nil if it would leave the folder.
    func stagingPath(for relative: String) -> String? {
        guard !relative.isEmpty, !relative.hasPrefix("/"),
              let clean = Permalinks.normalize(relative), clean == relative.split(separator: "/").joined(separator: "/"),
              !clean.isEmpty
        else { return nil }
        return stagingDirectory + "/" + clean
    }

    func write(_ text: String, to relative: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: relative) }
    }

    func write(_ bytes: [UInt8], to relative: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: relative) }
    }

    func write(_ data: Data, to relative: String) throws {
        try data.withUnsafeBytes { try write($0, to: relative) }
    }

    /// Plain `open`/`write`: the staging folder is private to this build, so Foundation's
    /// atomic-write machinery would only add a temporary file and a rename per page.
    private func write(_ bytes: UnsafeRawBufferPointer, to relative: String) throws {
        guard let final = stagingPath(for: relative) else { throw OutputError.outsideOutput(relative) }
        try createParent(of: final)
        // A file the previous build wrote with the same bytes is linked, not written again.
        if linksUnchanged, linked(UnchangedFile.link(bytes, from: previousPath(of: final), to: final)) { return }
        let path = inPlace ? final + ".tongwen-new" : final
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(relative) }
        defer {
            close(descriptor)
            if inPlace { rename(path, final) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.cannotWrite(relative)
            }
            offset += written
        }
    }

    func copy(_ asset: Asset) throws {
        guard let path = stagingPath(for: asset.outputPath) else { throw OutputError.outsideOutput(asset.outputPath) }
        try createParent(of: path)
        if linksUnchanged, linked(UnchangedFile.link(copyOf: asset.sourceFile, from: previousPath(of: path), to: path)) { return }
        // The file itself, never a link: a linked attachment must not become a link to a path
        // outside the output on the web server.
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: asset.sourceFile).resolvingSymlinksInPath().path, toPath: path)
    }

    /// Starts reading ahead the previous output's files at `relative` paths, which the writes
    /// compare before linking: out of the page cache, each comparison waited for the disk (a
    /// 10,000-page rebuild's write stage took 9.4–10.7 s instead of 5.7).
    func readAheadPrevious(_ relative: @autoclosure () -> [String]) {
        guard hasPreviousOutput else { return }
        ReadAhead.start(relative().map { outputDirectory + "/" + $0 })
    }

    private var linksUnchanged: Bool { hasPreviousOutput && !linksFailed.isSet }

    private func linked(_ outcome: UnchangedFile.Outcome) -> Bool {
        if outcome == .cannotLink { linksFailed.set() }
        return outcome == .linked
    }

    /// A flag set once, from any thread.
    private final class Flag: Sendable {
        private let value = Atomic<Bool>(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
        func set() { value.store(true, ordering: .relaxed) }
    }

    /// Where the output being replaced has the file staged at `path`.
    private func previousPath(of path: String) -> String {
        outputDirectory + String(decoding: path.utf8.dropFirst(stagingDirectory.utf8.count), as: UTF8.self)
    }

    private func createParent(of path: String) throws {
        // Up to the last `/` (staging paths are absolute): NSString's path methods bridge each call.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else { return }
        let parent = String(path[..<slash])
        // mkdir first: it is the common case and far cheaper than FileManager's checks.
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }

    /// Swaps the staging folder in for the output folder and deletes the old output.
    func commit() async throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: outputDirectory) {
            // Move the old output aside first, so that at every moment one complete site exists on disk.
            let old = stagingDirectory.replacingOccurrences(of: ".tongwen-tmp-", with: ".tongwen-old-")
            try manager.moveItem(atPath: outputDirectory, toPath: old)
            try manager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
            await OutputWriter.removeTree(old)
        } else {
            try manager.moveItem(atPath: stagingDirectory, toPath: outputDirectory)
        }
    }

    /// Deletes a folder tree, its top-level entries in parallel: removing the previous site's
    /// 20,000 files and folders one by one is a large share of a rebuild on ext4.
    static func removeTree(_ path: String) async {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 }
        _ = await entries.concurrentMap { entry in (try? FileManager.default.removeItem(atPath: entry)) != nil }
        try? manager.removeItem(atPath: path)
    }

    /// Removes the staging folder after a failed build; the output folder is not touched.
    func discard() {
        try? FileManager.default.removeItem(atPath: stagingDirectory)
    }

    /// Why the output folder must not be replaced, or nil when it is safe to.
    static func refusal(output: String, protected: [String]) -> String? {
        let output = URL(fileURLWithPath: output).standardizedFileURL.path
        if output == "/" { return "refusing to use '/' as the output folder" }
        for folder in protected {
            let folder = URL(fileURLWithPath: folder).standardizedFileURL.path
            if output == folder || folder.hasPrefix(output + "/") || output.hasPrefix(folder + "/") {
                return "refusing to write the site into '\(output)': it holds or is inside the site's sources ('\(folder)')"
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return "'\(output)' exists and is not a folder" }
        let entries = (try? manager.contentsOfDirectory(atPath: output)) ?? []
        if entries.isEmpty || entries == [".gitkeep"] || entries.contains(markerFile) { return nil }
        return "refusing to replace '\(output)': it was not written by tongwen (no \(markerFile) file); delete it or choose another --output"
    }
}
