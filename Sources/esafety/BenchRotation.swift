import ESafetyCore
import Foundation

/// The bench's row for rotating the records key (docs/security.md): on a copy of the store, the
/// head teacher removes the e-safety lead's account, and every incident is sealed again to a new
/// key in one commit, as when a lead leaves.
extension BenchMeasurements {
    func rotationRow() throws -> Row {
        let copy = try scratchCopy(named: "rotation")
        defer { try? FileManager.default.removeItem(at: copy) }
        let workspace = try open(copy, access: .readWrite)
        defer { workspace.store.close() }
        let accounts = try workspace.accounts()
        guard let leaving = accounts.signInAccounts.first(where: { account in
            account.personID != workspace.session?.personID
                && accounts.authorityAccount(account.personID)?.access.contains(where: \.readsIncidents) == true
        }) else { throw UserFacingError("The bench store has no second lead whose removal would rotate the records key.") }
        let incidents = try workspace.store.documentNames(in: "incidents").count
        let rotation = try milliseconds { try workspace.removeUser(personID: leaving.personID) }
        guard try !workspace.accounts().rotationIsDue, workspace.store.check().isEmpty else {
            throw UserFacingError("The bench's rotation left the store unsound: run `esafety check` on a copy.")
        }
        return Row(name: "Rotate the records key: a lead's account removed, all \(incidents) incidents sealed again in one commit",
                   value: rotation, unit: "ms", target: "(once per leaver)", met: nil)
    }

    /// A copy of the bench store (`cp -a`) in the scratch folder, made afresh.
    func scratchCopy(named name: String) throws -> URL {
        let copy = contention.scratch.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.createDirectory(at: contention.scratch, withIntermediateDirectories: true)
        let copied = Process()
        copied.executableURL = URL(fileURLWithPath: "/bin/cp")
        copied.arguments = ["-a", store.path, copy.path]
        try copied.run()
        copied.waitUntilExit()
        guard copied.terminationStatus == 0 else { throw UserFacingError("Could not copy the bench store to \(copy.path).") }
        return copy
    }
}
