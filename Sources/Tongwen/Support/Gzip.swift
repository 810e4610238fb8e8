import CompressNIO
import Foundation
import NIOCore

/// gzip through compress-nio (zlib), for the search index files stored compressed.
///
/// One compressor per call sequence: `compress` is used from concurrent tasks, each with its own.
final class Gzip {
    private let compressor: ZlibCompressor

    /// Level 1: the index is written on every build, and level 6 saves only a few percent more
    /// on these small files for twice the time.
    init(level: ZlibConfiguration.CompressionLevel = .fastestCompression) {
        // Initialisation fails only when zlib cannot allocate its state.
        compressor = try! ZlibCompressor(algorithm: .gzip, configuration: .init(compressionLevel: level))
    }

    /// `data` as a gzip member (no file name, modification time 0: the output is deterministic).
    func compress(_ data: Data) -> Data {
        var input = ByteBuffer(bytes: data)
        var output = ByteBuffer()
        output.reserveCapacity(compressor.maxSize(from: input))
        // The output buffer holds zlib's bound for the input, so deflate cannot overflow it.
        try! compressor.deflate(from: &input, to: &output, flush: .finish)
        try! compressor.reset()
        return Data(output.readableBytesView)
    }

    /// The bytes of a gzip file, or nil when it is not valid gzip.
    static func decompress(_ data: Data) -> Data? {
        var input = ByteBuffer(bytes: data)
        guard let output = try? input.decompress(with: .gzip()) else { return nil }
        return Data(output.readableBytesView)
    }
}
