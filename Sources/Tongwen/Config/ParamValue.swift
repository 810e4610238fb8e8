import Yams

/// A front-matter or config value Tongwen has no key for, kept so templates can use it as `params`.
public enum ParamValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([ParamValue])
    case map([String: ParamValue])
    case null

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            // Scalars arrive untyped (see YAMLFields); plain ones are typed here as YAML 1.1 would.
            if scalar.isNull {
                self = .null
            } else if let bool = scalar.boolValue {
                self = .bool(bool)
            } else if scalar.style == .plain, let int = Int(scalar.string) {
                self = .int(int)
            } else if scalar.style == .plain, scalar.string.contains("."), let double = Double(scalar.string) {
                self = .double(double)
            } else {
                self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(ParamValue.init))
        case .mapping(let mapping):
            var map: [String: ParamValue] = [:]
            for (key, value) in mapping { map[key.string ?? ""] = ParamValue(value) }
            self = .map(map)
        case .alias:
            self = .null
        }
    }

    /// The value as Mustache sees it: strings, numbers, booleans, arrays and dictionaries.
    var templateValue: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        case .list(let values): values.map(\.templateValue)
        case .map(let values): values.mapValues(\.templateValue)
        case .null: false
        }
    }
}
