import CivilTime

/// A ticked item of the form's "Action taken" lists, with who did it and when.
public struct ActionTaken: Codable, Sendable, Hashable {
    /// The option id from the form definition.
    public var itemID: String
    public var by: String
    public var on: CivilDate

    public init(itemID: String, by: String, on: CivilDate) {
        self.itemID = itemID; self.by = by; self.on = on
    }
}
