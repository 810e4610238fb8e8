/// Converts cmark's byte columns into scalar columns, which is what editors and CI annotations count.
struct LineIndex {
    private let utf8: [UInt8]
    private var lineStarts: [Int]

    init(_ source: String) {
        utf8 = Array(source.utf8)
        lineStarts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            lineStarts.append(offset + 1)
        }
    }

    func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, utf8.count)
        // One column per scalar before the byte column: count bytes that start a scalar.
        var column = 1
        for offset in start..<end where utf8[offset] & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
