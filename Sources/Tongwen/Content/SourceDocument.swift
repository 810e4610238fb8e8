/// A Markdown file split into its front matter text and body, with where the body starts.
struct SourceDocument: Sendable {
    /// The YAML between the `---` fences, or nil when the file has none.
    var frontMatter: String?
    var body: String
    /// 1-based line of the file on which `body` starts.
    var bodyLine: Int
    /// A front matter block that opens but never closes.
    var unclosedFrontMatter: Bool = false

    init(frontMatter: String?, body: String, bodyLine: Int, unclosedFrontMatter: Bool = false) {
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.unclosedFrontMatter = unclosedFrontMatter
    }

    /// Splits `text` at `---` fences (the closing one may also be `...`). A byte-order mark, CRLF
    /// line ends and trailing blanks on fence lines are accepted. Scans bytes: this runs for every page.
    init(splitting text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }

        /// The end of the line starting at `offset` (index of `\n` or `bytes.count`).
        func lineEnd(_ offset: Int) -> Int {
            var index = offset
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return index
        }
        func isFence(_ from: Int, _ to: Int, closing: Bool) -> Bool {
            var end = to
            while end > from, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
            guard end - from == 3 else { return false }
            let fence = (bytes[from], bytes[from + 1], bytes[from + 2])
            return fence == (0x2D, 0x2D, 0x2D) || (closing && fence == (0x2E, 0x2E, 0x2E))
        }
        /// A slice of `text` (every offset here starts a line or follows the byte-order mark, so
        /// it is a character boundary): copied as it is, where decoding the bytes again would
        /// validate the whole file's UTF-8 a second time.
        func string(_ range: Range<Int>) -> String {
            let utf8 = text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return String(text[lower..<utf8.index(lower, offsetBy: range.count)])
        }
        let firstEnd = lineEnd(start)
        guard isFence(start, firstEnd, closing: false) else {
            self.init(frontMatter: nil, body: start == 0 ? text : string(start..<bytes.count), bodyLine: 1)
            return
        }
        var line = 2
        var cursor = firstEnd + 1
        while cursor <= bytes.count {
            let end = lineEnd(cursor)
            if isFence(cursor, end, closing: true) {
                let yamlEnd = max(firstEnd + 1, cursor - 1)
                self.init(
                    frontMatter: string(min(firstEnd + 1, yamlEnd)..<yamlEnd),
                    body: end < bytes.count ? string((end + 1)..<bytes.count) : "",
                    bodyLine: line + 1)
                return
            }
            if end >= bytes.count { break }
            cursor = end + 1
            line += 1
        }
        self.init(frontMatter: nil, body: "", bodyLine: 1, unclosedFrontMatter: true)
    }
}
