import CivilTime

/// What the e-safety incident report form holds, field by field in the form's order. A value:
/// `IncidentRecord` keeps it with its history, and a draft keeps one half filled in.
public struct IncidentReport: Codable, Sendable, Hashable {
    /// Where the incident happened.
    public enum Location: String, Codable, Sendable, CaseIterable {
        case inSchool, outsideSchool
        public var label: String { self == .inSchool ? "In school/service setting" : "Outside school/service setting" }
    }

    /// Whether the material was reached deliberately or by accident.
    public enum Access: String, Codable, Sendable, CaseIterable {
        case deliberate, accidental
        public var label: String { self == .deliberate ? "Deliberate access" : "Accidental access" }
    }

    // Details of incident
    public var occurredOn: CivilDate?
    public var occurredAt: ClockTime?
    /// The reporter's full name (not initials) and role.
    public var reporterName: String = ""
    public var reporterRole: String = ""
    /// If not reported, how the incident was identified.
    public var identifiedHow: String = ""
    public var location: Location?
    public var involved: [InvolvedParty] = []
    /// True when this is an allegation against a member of staff: only the head teacher (and the
    /// e-safety lead, unless they are the subject) may open it. Absent in older records.
    public var allegationAgainstStaff: Bool?

    /// Whether the record is an allegation against a member of staff.
    public var isStaffAllegation: Bool { allegationAgainstStaff ?? false }

    // Type of incident
    public var typeIDs: [String] = []
    public var otherType: String = ""
    public var riskAreaIDs: [String] = []

    public var description: String = ""

    // Nature of incident
    public var access: Access?
    public var materialUseIDs: [String] = []
    public var consideredAsIDs: [String] = []

    // Action taken
    public var staffActions: [ActionTaken] = []
    public var childActions: [ActionTaken] = []
    public var specificAction: String = ""

    public var outcome: String = ""

    public init() {}

    /// The problems that stop the report being submitted, each naming the field, in form order.
    /// `today` bounds the date: an incident cannot have happened in the future.
    public func problems(today: CivilDate) -> [String] {
        var problems: [String] = []
        if let occurredOn {
            if occurredOn > today { problems.append("Date happened: \(occurredOn) is in the future") }
        } else {
            problems.append("Date happened is required")
        }
        if reporterName.trimmed.isEmpty { problems.append("Name of person reporting is required") }
        if reporterRole.trimmed.isEmpty { problems.append("Role of person reporting is required") }
        if location == nil { problems.append("Where did the incident occur is required") }
        if involved.isEmpty { problems.append("Who was involved is required") }
        if typeIDs.isEmpty { problems.append("Type of incident: tick at least one") }
        if typeIDs.contains(IncidentFormDefinition.otherTypeID) && otherType.trimmed.isEmpty {
            problems.append("Type of incident: say what 'Other' is")
        }
        if description.trimmed.isEmpty { problems.append("Description of incident is required") }
        if access == nil { problems.append("Nature of incident: deliberate or accidental access is required") }
        return problems
    }

    /// Everyone involved whose name or record matches, for chronologies.
    public func involves(personID: String?, name: String) -> Bool {
        InvolvedParty.anyInvolves(involved, personID: personID, name: name)
    }
}
