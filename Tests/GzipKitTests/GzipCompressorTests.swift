import Foundation
import GzipKit
import Testing

@Suite struct GzipCompressorTests {
    @Test func roundTripsAndIsDeterministic() {
        let text = Data(String(repeating: "需求池 Product Backlog 服务等级协议 SLA\n", count: 500).utf8)
        let compressor = GzipCompressor()
        let compressed = compressor.compress(text)
        #expect(compressed.prefix(2) == Data([0x1F, 0x8B]))
        #expect(compressed.count < text.count / 10)
        #expect(compressor.compress(text) == compressed, "same input, same bytes (no timestamp)")
        #expect(GzipCompressor.decompress(compressed) == text)
        #expect(GzipCompressor.decompress(compressor.compress(Data())) == Data())
    }

    /// One compressor reused across files of any size (its buffer grows, then serves smaller
    /// ones): each result is its own, at its own size.
    @Test func oneCompressorServesFilesOfEverySize() {
        let compressor = GzipCompressor()
        var random = SystemRandomNumberGenerator()
        let inputs = [Data("小".utf8), Data((0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }), Data("术语 term ".utf8), Data()]
        let outputs = inputs.map { compressor.compress($0) }
        for (input, output) in zip(inputs, outputs) {
            #expect(GzipCompressor.decompress(output) == input)
        }
        #expect(outputs[2].count < 40, "a small file's output has its own size, not the large one's")
    }

    @Test func rejectsWhatIsNotGzip() {
        #expect(GzipCompressor.decompress(Data("{\"a\":1}".utf8)) == nil)
        var damaged = GzipCompressor().compress(Data("hello hello hello".utf8))
        damaged[damaged.count - 6] ^= 0xFF
        #expect(GzipCompressor.decompress(damaged) == nil)
    }
}
