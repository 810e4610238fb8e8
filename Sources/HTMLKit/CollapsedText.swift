import Glibc

/// Text gathered from many pieces with every run of whitespace turned into one space and no
/// space at either end, worked out on UTF-8 bytes.
///
/// Why bytes: `Character.isWhitespace` looks up Unicode properties per grapheme, and splitting the
/// text of 10,000 pages that way cost more CPU than extracting it from libxml2. The whitespace
/// set is `Character.isWhitespace`'s for single scalars (ASCII, NEL, NBSP, the U+2000 spaces,
/// line/paragraph separators, U+3000 ideographic space).
struct CollapsedText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Appends a NUL-terminated UTF-8 string (libxml2's `xmlChar *`).
    mutating func append(cString: UnsafePointer<UInt8>) {
        append(UnsafeBufferPointer(start: cString, count: strlen(UnsafeRawPointer(cString).assumingMemoryBound(to: CChar.self))))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A boundary between blocks: a space, unless the text is empty or already ends in one.
    mutating func appendSpace() {
        pendingSpace = true
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        if appendSpacedOnce(utf8) { return }
        var index = 0
        while index < utf8.count {
            let width = CollapsedText.whitespaceWidth(utf8, at: index)
            if width > 0 {
                pendingSpace = true
                index += width
                continue
            }
            // A run up to the next byte that may start whitespace, copied in one go.
            var end = index + 1
            while end < utf8.count, !CollapsedText.mayStartWhitespace(utf8[end]) { end += 1 }
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
            index = end
        }
    }

    /// Appends text whose only whitespace is single ASCII spaces between other characters, with
    /// at most one more at either end, in one copy, and returns true; returns false for any other
    /// text (left to the byte-by-byte collapse). Nearly every text node of rendered Markdown is
    /// like that, and in English prose the general path's piece per word cost more than the scan.
    private mutating func appendSpacedOnce(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0, end = utf8.count
        if end > 0, utf8[0] == 0x20 { start = 1 }
        if end > start, utf8[end - 1] == 0x20 { end -= 1 }
        var index = start
        while index < end {
            let byte = utf8[index]
            if byte <= 0x20 {
                // A space is fine between two characters that are not spaces.
                guard byte == 0x20, index > start, index < end - 1, utf8[index - 1] != 0x20 else { return false }
            } else if CollapsedText.mayStartWhitespace(byte), CollapsedText.whitespaceWidth(utf8, at: index) > 0 {
                return false
            }
            index += 1
        }
        if start > 0 { pendingSpace = true }
        if start < end {
            if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
        }
        if end < utf8.count { pendingSpace = true }
        return true
    }

    /// The first bytes of the whitespace scalars `whitespaceWidth` knows.
    @inline(__always) private static func mayStartWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3
    }

    /// The text so far; empties the collector.
    mutating func take() -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return text
    }

    static func collapse(_ text: String) -> String {
        var collapsed = CollapsedText()
        collapsed.append(text)
        return collapsed.take()
    }

    /// Length in bytes of the whitespace scalar starting at `index`, or 0.
    private static func whitespaceWidth(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        switch byte {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2:
            guard index + 1 < utf8.count else { return 0 }
            return utf8[index + 1] == 0x85 || utf8[index + 1] == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < utf8.count else { return 0 }
            let second = utf8[index + 1], third = utf8[index + 2]
            switch (byte, second) {
            case (0xE1, 0x9A): return third == 0x80 ? 3 : 0 // U+1680
            case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
            case (0xE2, 0x81): return third == 0x9F ? 3 : 0 // U+205F
            case (0xE3, 0x80): return third == 0x80 ? 3 : 0 // U+3000
            default: return 0
            }
        default: return 0
        }
    }
}
