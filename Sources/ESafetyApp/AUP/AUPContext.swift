import ESafetyCore

/// Help texts of the AUP screens, from `Resources/aup/help.json`.
@MainActor
enum AUPHelp {
    private static let texts: [String: String] = (try? DefaultResources.decode([String: String].self, from: "aup/help.json")) ?? [:]
    static func text(_ key: String) -> String { texts[key] ?? "" }
}

extension RosterPerson {
    /// "Zoë Ōkubo · pupil, 4B".
    var listLabel: String {
        var detail = group.rawValue
        if let className { detail += ", \(className)" }
        if let note, !note.isEmpty { detail += ", \(note)" }
        return "\(fullName) · \(detail)"
    }
}
