/// A stage of the build starting or finishing.
public struct BuildProgress: Sendable {
    public var stage: String
    public var index: Int
    public var total: Int
    /// nil while the stage runs; its duration once it finished.
    public var seconds: Double?
    /// What the stage produced, e.g. "10000 pages, 12 assets".
    public var detail: String
}
