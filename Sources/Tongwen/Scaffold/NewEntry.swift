import Foundation
import Yams

/// `tongwen new KIND "title"`: a new content file with the kind's front matter filled in, under
/// a readable, unique file name (pinyin or English slug of the title), never over an existing file.
public struct NewEntry: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case faq, doc, manual, status, term, requirement

        /// The top folder under `content/` the kind lives in.
        var folder: String {
            switch self {
            case .faq: "faq"
            case .doc: "docs"
            case .manual: "manuals"
            case .status: "status"
            case .term: "glossary"
            case .requirement: "requirements"
            }
        }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    public var kind: Kind
    public var title: String
    public var category: String?
    public var tags: [String] = []
    public var owner: String?
    /// A folder under `content/` instead of the kind's own (`docs/access`).
    public var section: String?

    public init(kind: Kind, title: String) {
        self.kind = kind
        self.title = title
    }

    /// Longest file name stem, cut at a word boundary.
    static let maxSlugLength = 60

    /// `如何申请VPN账号？` → `ru-he-shen-qing-vpn-zhang-hao`; `Change Management` → `change-management`.
    public static func slug(_ title: String) -> String {
        // Every Han character is a pinyin syllable of its own; other letters are transliterated
        // (é → e, full-width → ASCII) and split at anything that is not a letter or digit.
        var words: [String] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        let normalized = title.precomposedStringWithCompatibilityMapping
        for scalar in normalized.unicodeScalars {
            if TitleCollation.isHan(scalar) {
                endWord()
                word = TitleCollation.sortKey(String(scalar))
                endWord()
                continue
            }
            let latin = (String(scalar).applyingTransform(.toLatin, reverse: false) ?? "")
                .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? ""
            for letter in latin.unicodeScalars {
                if letter.isASCII, letter.properties.isAlphabetic || ("0"..."9").contains(Character(letter)) {
                    word.unicodeScalars.append(letter)
                } else {
                    endWord()
                }
            }
            if latin.isEmpty { endWord() }
        }
        endWord()
        var slug = ""
        for next in words {
            let candidate = slug.isEmpty ? next : slug + "-" + next
            if candidate.count > maxSlugLength { break }
            slug = candidate
        }
        if slug.isEmpty, let first = words.first { slug = String(first.prefix(maxSlugLength)) }
        return slug.isEmpty ? "entry" : slug
    }

    /// The file's text: front matter for the kind (dates from `today`), then a starter body.
    public func text(today: Day, language: SiteLanguage) -> String {
        let english = language == .en
        var pairs: [(String, Node)] = [("title", Node(title))]
        func date(_ day: Day) -> Node { Node(day.description) }
        switch kind {
        case .faq:
            pairs.append(("category", Node(category ?? (english ? "General" : "其他问题"))))
        case .status:
            pairs += [("status", Node("on-track")), ("progress", Node("0")), ("updated", date(today)),
                      ("milestones", Node([Node([(Node("name"), Node(english ? "First milestone" : "第一个里程碑")),
                                                 (Node("due"), date(today.adding(days: 30))), (Node("done"), Node("false"))])]))]
        case .term:
            // The title goes with the vocabulary it is written in; the other side is for the writer.
            let chinese = title.unicodeScalars.contains(where: TitleCollation.isHan)
            pairs += [("business", Node(chinese ? [Node(title)] : [])), ("technical", Node(chinese ? [] : [Node(title)])), ("aliases", Node([Node]())),
                      ("summary", Node(english ? "One line, shown in tooltips." : "一句话释义，显示在悬停提示中。"))]
        case .requirement:
            pairs += [("state", Node("submitted")), ("priority", Node("P2")), ("requester", Node(english ? "Department" : "提出部门")),
                      ("submitted", date(today))]
        case .doc, .manual:
            break
        }
        if !tags.isEmpty { pairs.append(("tags", Node(tags.map { Node($0) }, Tag(.seq), .flow))) }
        pairs.append(("owner", Node(owner ?? "", Tag(.str), .doubleQuoted)))
        pairs.append(("reviewed", date(today)))
        let mapping = Node(pairs.map { (Node($0.0), $0.1) })
        let yaml = (try? Yams.serialize(node: mapping, allowUnicode: true, sortKeys: false)) ?? ""
        let body: String
        switch kind {
        case .faq: body = english ? "Answer the question in one to four short paragraphs." : "用一到四段简短的文字回答这个问题。"
        case .term: body = english ? "**\(title)**: the full definition.\n\n## Usage\n" : "**\(title)**：完整定义。\n\n## 使用场景\n"
        case .status: body = english ? "What the project delivers and where it stands." : "项目要交付什么、目前进展如何。"
        case .requirement: body = english ? "What is needed, by whom, and why.\n\n## Acceptance criteria\n" : "需要什么、谁需要、为什么需要。\n\n## 验收标准\n"
        case .doc, .manual: body = english ? "Start writing here." : "从这里开始写。"
        }
        return "---\n" + yaml + "---\n\n" + body + "\n"
    }

    /// The glossary file (`content/glossary/sla.md`) one of whose names is `name`, compared as
    /// the glossary compares them (NFKC, case folded); nil when no term has it.
    static func termFile(naming name: String, contentDirectory: String) -> String? {
        let loader = ContentLoader(contentDirectory: contentDirectory, displayPrefix: "content/", includeDrafts: true)
        // Terms live in `glossary/`, or anywhere with a `kind:` key: other pages are not parsed
        // (on 10,000 pages that took a second).
        let candidates = FileWalk(under: contentDirectory).files.filter { path in
            path.hasSuffix(".md") && (path.hasPrefix("glossary/")
                || ContentLoader.read(contentDirectory + "/" + path).map(NewEntry.hasKindLine) == true)
        }
        let pages = candidates.compactMap { loader.loadPage($0).0 }
        let key = TermText.key(name)
        let (glossary, _) = Glossary.build(pages: pages)
        return glossary.terms.values.sorted { $0.sourcePath < $1.sourcePath }
            .first { $0.names.contains { TermText.key($0) == key } }
            .map { "content/" + $0.sourcePath }
    }

    /// Whether a line of `bytes` starts with `kind:`.
    private static func hasKindLine(_ bytes: [UInt8]) -> Bool {
        let key = Array("kind:".utf8)
        var start = 0
        while start + key.count <= bytes.count {
            if bytes[start..<(start + key.count)].elementsEqual(key) { return true }
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            start = newline + 1
        }
        return false
    }

    /// Writes the entry under `siteDirectory/content/`; returns its path. Refuses sections that
    /// leave `content/`, and never replaces a file: a taken name gets `-2`, `-3`, ….
    public func write(siteDirectory: String, today: Day, language: SiteLanguage) throws -> String {
        let folder = section ?? kind.folder
        guard let clean = Permalinks.normalize(folder), !clean.isEmpty, !folder.hasPrefix("/") else {
            throw Refusal(description: "--section '\(folder)' must be a folder inside content/")
        }
        if kind == .term, let owner = NewEntry.termFile(naming: title, contentDirectory: siteDirectory + "/content") {
            throw Refusal(description: "'\(title)' is already a name of the term in \(owner): edit that file instead (a second term with the name would fail the build)")
        }
        let directory = siteDirectory + "/content/" + clean
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let stem = NewEntry.slug(title)
        let data = Data(text(today: today, language: language).utf8)
        for attempt in 1...1000 {
            let path = directory + "/" + stem + (attempt == 1 ? "" : "-\(attempt)") + ".md"
            // O_EXCL: the name is claimed atomically, so nothing is ever overwritten.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw Refusal(description: "cannot create \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            guard written == data.count else { throw Refusal(description: "cannot write \(path)") }
            return path
        }
        throw Refusal(description: "too many files named \(stem)-N.md in \(directory)")
    }
}
