/// How many of the people due to sign have signed: "512 of 640 signed (80%)".
public struct AUPCompletion: Sendable, Hashable {
    public var signed: Int
    public var due: Int

    public init(signed: Int = 0, due: Int = 0) { self.signed = signed; self.due = due }

    public var missing: Int { due - signed }

    /// Whole per cent done, rounded down so 99.9% never shows as 100%; 100 when nobody is due.
    public var percent: Int { due == 0 ? 100 : signed * 100 / due }

    public var summary: String { "\(signed) of \(due) signed (\(percent)%)" }
}

/// One line of the missing list: a group, a year group or a class, its counts and who has not signed.
public struct AUPMissingLine: Sendable, Hashable {
    /// What the line counts.
    public enum Level: String, Sendable, Hashable { case all, group, yearGroup, className = "class" }

    public var level: Level
    /// "Pupils", "Year 4", "Class 4B".
    public var label: String
    public var group: RosterGroup?
    public var completion: AUPCompletion
    /// The people who have not signed, by name.
    public var missing: [RosterPerson]
}
