import ESafetyCore
import TerminalUI

/// The record a form was opened on, for a save that is a compare-and-swap: the workspace
/// refuses to save over a record someone else has changed since (a `StoreConflict`, which says
/// who and when). The form keeps what was typed and takes the latest as its new base, so that
/// saving again keeps the typed version on purpose, never by accident.
@MainActor
final class EditBase<Value: Equatable> {
    private(set) var original: Value?
    private let latest: @MainActor () -> Value?
    private let document: String
    private let context: AppContext

    /// - Parameters:
    ///   - document: the store document the record lives in (to say who changed it).
    ///   - latest: the record as the workspace has it now.
    init(_ original: Value?, document: String, context: AppContext, latest: @escaping @MainActor () -> Value?) {
        self.original = original
        self.document = document
        self.context = context
        self.latest = latest
    }

    /// A warning while the record has changed since the form opened, naming who changed it.
    func staleNotice() -> String? {
        guard original != nil, latest() != original else { return nil }
        let who = context.workspace.store.lastChange(of: document).map {
            "\($0.actor.name) changed this at \(AuditFormatting.shortTimestamp($0.at))"
        } ?? "Someone else changed this"
        return "\(who) since you opened it; your typing is kept."
    }

    /// Runs the save with the base; on a conflict, takes the latest as the base and rethrows.
    func save(_ attempt: (Value?) throws -> Void) throws {
        do {
            try attempt(original)
        } catch let conflict as StoreConflict {
            _ = try? context.workspace.refresh()
            original = latest()
            throw conflict
        }
    }
}
