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
        for path in ContentLoader.files(under: contentDirectory) {
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
        var diagnostics: [Diagnostic] = []
        for (page, problems) in results {
            diagnostics += problems
            if let page, includeDrafts || !page.frontMatter.draft { pages.append(page) }
        }
        return LoadedContent(pages: pages, assets: assets, diagnostics: diagnostics)
    }

    /// Relative paths of all files under `root`, sorted, skipping hidden files and folders.
    /// Walked with `opendir`/`readdir`, whose entries carry their type: `FileManager`'s
    /// enumerator asked for every entry's attributes, a quarter of a second for 10,000 pages
    /// before any page could be read. Symbolic links count as files, as they did there.
    static func files(under root: String) -> [String] {
        var result: [String] = []
        func walk(_ folder: String, prefix: String) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    isDirectory = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    walk(path, prefix: prefix + name + "/")
                } else {
                    result.append(prefix + name)
                }
            }
        }
        walk(root, prefix: "")
        return result.sorted()
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
