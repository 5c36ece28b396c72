import ESafetyCore

extension RosterPerson {
    /// "Zoë Ōkubo · pupil, 4B".
    var listLabel: String {
        var detail = group.rawValue
        if let className { detail += ", \(className)" }
        if let note, !note.isEmpty { detail += ", \(note)" }
        return "\(fullName) · \(detail)"
    }
}
