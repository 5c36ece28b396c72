/// Who is making a change, as recorded in the audit log.
///
/// `id` is a stable identifier (a staff record's id, or `"system"`); `name` is the human-readable
/// name at the time of the change, kept so the log still reads correctly after a person is renamed
/// or removed.
public struct AuditActor: Sendable, Hashable, Codable {
    /// A stable identifier for the person or process, e.g. a staff id.
    public var id: String
    /// The name shown in the audit log, e.g. "Sam Patel".
    public var name: String

    /// Creates an actor with a stable `id` and a display `name`.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// esafety itself, for changes no person asked for (creating a store, migrating its format).
    public static let system = AuditActor(id: "system", name: "esafety")
}
