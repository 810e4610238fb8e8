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
            switch Tag.Name(rawValue: scalar.tag.rawValue) {
            case .bool: self = Bool.construct(from: scalar).map(ParamValue.bool) ?? .string(scalar.string)
            case .int: self = Int.construct(from: scalar).map(ParamValue.int) ?? .string(scalar.string)
            case .float: self = Double.construct(from: scalar).map(ParamValue.double) ?? .string(scalar.string)
            case .null: self = .null
            default: self = .string(scalar.string)
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
