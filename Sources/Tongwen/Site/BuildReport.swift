/// What a successful build produced.
public struct BuildReport: Sendable {
    public var pages: Int
    public var assets: Int
    public var outputDirectory: String
    /// Warnings and notes; a successful build has no errors.
    public var diagnostics: [Diagnostic]
    public var seconds: Double

    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}
