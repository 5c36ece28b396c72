/// One tick box of the paper form: a stable id stored in records, and the form's own words.
public struct FormOption: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String
    public init(id: String, label: String) { self.id = id; self.label = label }
}

/// The lists of the e-safety incident report form (types, risk areas, nature, actions), kept as
/// data in `Resources/forms/incident-report.json` so the wording matches the school's paper form.
public struct IncidentFormDefinition: Codable, Sendable, Hashable {
    public var title: String
    public var source: String
    public var incidentTypes: [FormOption]
    public var riskAreas: [FormOption]
    public var materialUses: [FormOption]
    public var consideredAs: [FormOption]
    public var staffActions: [FormOption]
    public var childActions: [FormOption]

    /// The id of the "Other (please specify)" incident type.
    public static let otherTypeID = "other"

    /// The form shipped with esafety.
    public static func standard() throws -> IncidentFormDefinition {
        try DefaultResources.decode(IncidentFormDefinition.self, from: "forms/incident-report.json")
    }

    /// The label of an option id in a list, or the id itself if the list no longer has it.
    public static func label(_ id: String, in options: [FormOption]) -> String {
        options.first { $0.id == id }?.label ?? id
    }
}
