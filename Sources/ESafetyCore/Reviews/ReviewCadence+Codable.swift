/// Stored as `{"kind": "annual"}`, `{"kind": "everyDays", "days": 45}`, `{"kind": "inMonth", "month": 2}`.
extension ReviewCadence: Codable {
    private enum CodingKeys: String, CodingKey { case kind, days, month }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "annual": self = .annual
        case "termly": self = .termly
        case "startOfSchoolYear": self = .startOfSchoolYear
        case "everyDays":
            let days = try container.decode(Int.self, forKey: .days)
            guard days > 0 else { throw DecodingError.dataCorruptedError(forKey: .days, in: container, debugDescription: "must be at least 1") }
            self = .everyDays(days)
        case "inMonth":
            let month = try container.decode(Int.self, forKey: .month)
            guard (1...12).contains(month) else { throw DecodingError.dataCorruptedError(forKey: .month, in: container, debugDescription: "must be 1 to 12") }
            self = .inMonth(month)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown cadence \(other)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .annual: try container.encode("annual", forKey: .kind)
        case .termly: try container.encode("termly", forKey: .kind)
        case .startOfSchoolYear: try container.encode("startOfSchoolYear", forKey: .kind)
        case .everyDays(let days):
            try container.encode("everyDays", forKey: .kind)
            try container.encode(days, forKey: .days)
        case .inMonth(let month):
            try container.encode("inMonth", forKey: .kind)
            try container.encode(month, forKey: .month)
        }
    }
}
