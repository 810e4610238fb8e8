/// A run of a text node to wrap in tags made beforehand: `range` is in UTF-8 bytes of the text
/// `HTMLFragment.wrapText` offered, on scalar boundaries. A text's wraps are in order and do not
/// overlap.
public struct TextWrap: Sendable, Hashable {
    public var range: Range<Int>
    public var markup: ElementMarkup

    public init(range: Range<Int>, markup: ElementMarkup) {
        self.range = range
        self.markup = markup
    }
}

extension TextWrap {
    /// The text of `bytes` cut into the pieces `wraps` describe: plain runs and wrapped runs.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, _ wraps: [TextWrap]) -> [TextPiece] {
        func slice(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var pieces: [TextPiece] = []
        var cursor = 0
        for wrap in wraps {
            if wrap.range.lowerBound > cursor { pieces.append(.text(slice(cursor..<wrap.range.lowerBound))) }
            pieces.append(.wrapped(wrap.markup, text: slice(wrap.range)))
            cursor = wrap.range.upperBound
        }
        if cursor < bytes.count { pieces.append(.text(slice(cursor..<bytes.count))) }
        return pieces
    }
}
