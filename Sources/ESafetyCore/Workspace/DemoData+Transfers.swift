import Crypto
import Foundation

extension DemoData {
    /// The school's transfer key, and one child-protection file sent twelve days ago to a
    /// fictional school that has not confirmed receipt, so the dashboard shows an overdue transfer.
    /// The receiving school's key is made here and forgotten: nobody can open the demo bundle.
    static func addTransfers(to workspace: Workspace) throws {
        _ = try workspace.transferKey()
        try workspace.aup.load()
        guard let pupil = workspace.aup.person(AUPRegister.makeID(.pupil, 2)) else { return }  // in the second demo incident
        let elsewhere = TransferKeyText(publicKey: Curve25519.KeyAgreement.PrivateKey().publicKey.rawRepresentation,
                                        school: "Northgate Academy (fictional)")
        let clock = workspace.now
        defer { workspace.now = clock }
        let sent = clock().addingTimeInterval(-12 * 86_400)
        workspace.now = { sent }
        try workspace.transferOut(pupil: pupil.id, to: elsewhere.text) { _ in }
    }
}
