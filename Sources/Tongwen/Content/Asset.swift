/// A file under `content/` (or the theme) that is copied to the output as it is.
public struct Asset: Sendable, Hashable {
    /// Absolute path of the file to copy.
    public var sourceFile: String
    /// Path in the output, relative to its root, `/`-separated.
    public var outputPath: String

    public init(sourceFile: String, outputPath: String) {
        self.sourceFile = sourceFile
        self.outputPath = outputPath
    }
}
