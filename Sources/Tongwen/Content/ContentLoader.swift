import Foundation

/// Load stage: finds every file under `content/`, reads Markdown pages and their front matter in
/// parallel, and lists everything else as assets to copy.
struct ContentLoader: Sendable {
    /// Absolute path of the content folder.
    let contentDirectory: String
    /// Prefix for diagnostics paths (`content/`), so messages point at files the user can open.
    let displayPrefix: String
    let includeDrafts: Bool

    func load() async -> LoadedContent {
        var markdown: [String] = []
        var assets: [Asset] = []
        let walk = FileWalk(under: contentDirectory)
        for path in walk.files {
            if path.hasSuffix(".md") {
                markdown.append(path)
            } else {
                assets.append(Asset(sourceFile: contentDirectory + "/" + path, outputPath: path))
            }
        }
        let loader = self
        // Files not in the page cache come from the disk several at a time (see `ReadAhead`).
        ReadAhead.start(markdown.map { contentDirectory + "/" + $0 })
        let results = await markdown.concurrentMap { loader.loadPage($0) }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = walk.skippedLinks.map { path, reason in
            let what = switch reason {
            case .broken: "points to nothing"
            case .loop: "leads back to a folder it is in"
            }
            return .warning("content.skipped-link", "symbolic link \(what): it is left out", path: displayPrefix + path)
        }
        for (page, problems) in results {
            diagnostics += problems
            if let page, includeDrafts || !page.frontMatter.draft { pages.append(page) }
        }
        return LoadedContent(pages: pages, assets: assets, diagnostics: diagnostics)
    }

    /// Relative paths of all files under `root`, sorted (see `FileWalk` for what is left out).
    static func files(under root: String) -> [String] {
        FileWalk(under: root).files
    }

    /// The whole file, by `open`/`read`: cheaper than `FileManager` for thousands of small files.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        if size == 0 { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    break
                }
                initialized += count
            }
        }
        return failed ? nil : bytes
    }

    func loadPage(_ sourcePath: String) -> (Page?, [Diagnostic]) {
        let displayPath = displayPrefix + sourcePath
        guard let bytes = ContentLoader.read(contentDirectory + "/" + sourcePath) else {
            return (nil, [.error("io.read", "cannot read file", path: displayPath)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [.error("io.encoding", "file is not valid UTF-8", path: displayPath)])
        }
        let document = SourceDocument(splitting: text)
        if document.unclosedFrontMatter {
            return (nil, [.error("frontmatter.unclosed", "front matter starts with '---' but has no closing '---' line", path: displayPath)])
        }
        var diagnostics: [Diagnostic] = []
        var matter = FrontMatter()
        if let yaml = document.frontMatter {
            let parsed = FrontMatter.parse(yaml, path: displayPath, lineOffset: 1)
            matter = parsed.0
            diagnostics += parsed.1
            if diagnostics.contains(where: { $0.severity == .error && $0.id.hasPrefix("yaml.") }) {
                return (nil, diagnostics)
            }
        }
        let components = sourcePath.split(separator: "/").map(String.init)
        let fileName = components.last ?? sourcePath
        let isSectionIndex = fileName == "_index.md" || fileName == "index.md"
        let sectionPath = components.dropLast().joined(separator: "/")
        let kind = matter.kind ?? (components.count > 1 ? ContentKind(topFolder: components[0]) : .doc)

        let urlPath: String
        switch Permalinks.url(forSource: sourcePath, slug: isSectionIndex ? nil : matter.slug, isSectionIndex: isSectionIndex) {
        case .success(let url): urlPath = url
        case .failure:
            // Front-matter parsing already reported the bad slug at its line.
            return (nil, diagnostics)
        }
        let fallbackTitle = isSectionIndex
            ? (components.dropLast().last ?? "")
            : String(fileName.dropLast(3))
        let page = Page(
            sourcePath: sourcePath,
            displayPath: displayPath,
            kind: kind,
            sectionPath: sectionPath,
            isSectionIndex: isSectionIndex,
            frontMatter: matter,
            body: document.body,
            bodyLine: document.bodyLine,
            urlPath: urlPath,
            title: matter.title ?? fallbackTitle)
        return (page, diagnostics)
    }
}
