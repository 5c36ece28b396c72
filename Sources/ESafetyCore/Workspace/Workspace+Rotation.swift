import Crypto
import Foundation

/// Rotating the records key when someone loses access to incidents (their account removed, or a
/// role that reads incidents taken from them): every incident is sealed again to a new key held
/// by the remaining holders, in one commit, so that the old key, and any copy of the removed
/// person's grant, opens nothing in the store. Their wraps are taken out of allegations too, and
/// the copies in `backups/` are sealed again or removed. Done by the session that removes them if
/// it holds the records key, else by the next session that does, as soon as it signs in.
extension Workspace {
    /// Rotates the records key if someone has lost access since it was made and this session
    /// holds it. Returns whether it did.
    @discardableResult
    public func rotateRecordsKeyIfDue(progress: ((Int, Int) -> Void)? = nil) throws -> Bool {
        let accounts = try accounts()
        guard store.access == .readWrite, accounts.rotationIsDue, let session, let old = session.recordsKey,
              let current = accounts.authority?.current else { return false }
        do {
            try rotate(from: old, current: current, accounts: accounts, session: session, progress: progress)
        } catch is RotatedElsewhere {
            try refresh()  // another session rotated it first: take its key
            return false
        }
        return true
    }

    /// Another session rotated the records key between our reading the authority and our commit.
    private struct RotatedElsewhere: Error {}

    private func rotate(from old: Curve25519.KeyAgreement.PrivateKey, current: AuthorityStatement, accounts: Accounts,
                        session: Session, progress: ((Int, Int) -> Void)?) throws {
        let fresh = Curve25519.KeyAgreement.PrivateKey()
        let freshPublic = fresh.publicKey
        let holders = current.accounts.filter { $0.access.contains(where: \.readsIncidents) }
        let eligible = Set(current.accounts.map(\.personID) + ["escrow"])
        var done = 0
        var updatedUsers = accounts.users
        var ring = accounts.keyRing
        let statement = try accounts.issue(by: session, action: "security.rotate", recordID: nil,
                                           summary: "Rotated the records key (generation \(current.recordsKey.generation + 1)): every incident "
                                               + "sealed again to a key only the present holders have") { statement in
            guard statement.recordsKey.generation == current.recordsKey.generation else { throw RotatedElsewhere() }
            statement.recordsKey = .init(generation: current.recordsKey.generation + 1, publicKey: freshPublic.rawRepresentation)
        } also: { transaction, statement in
            let names = transaction.names(in: IncidentLog.folder)  // under the lock: one submitted meanwhile is sealed again too
            for name in names {
                guard case .sealed(var file)? = try transaction.load(StoredIncident.self, from: name) else { continue }
                try Self.reseal(&file, from: old, to: freshPublic, generation: statement.recordsKey.generation, keeping: eligible)
                try transaction.write(StoredIncident.sealed(file), to: name)
                done += 1
                progress?(done, names.count)
            }
            try Self.resealTransfers(in: transaction, from: old, to: freshPublic, generation: statement.recordsKey.generation)
            updatedUsers = try transaction.load(UsersDocument.self, from: Accounts.usersDocument)?.users ?? updatedUsers
            for index in updatedUsers.indices {
                updatedUsers[index].recordsGrant = nil
                updatedUsers[index].recordsGeneration = nil
                guard let holder = holders.first(where: { $0.personID == updatedUsers[index].personID }),
                      let key = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: holder.agreementKey) else { continue }
                updatedUsers[index].recordsGrant = try SealedPayload.seal(fresh.rawRepresentation, to: key)
                updatedUsers[index].recordsGeneration = statement.recordsKey.generation
            }
            try transaction.write(UsersDocument(users: updatedUsers), to: Accounts.usersDocument)
            guard var keys = try transaction.load(KeyRingDocument.self, from: Accounts.keysDocument),
                  let escrow = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: statement.escrowKey) else {
                throw AccessError.damagedKey("keys.json")
            }
            keys.recordsForEscrow = try SealedPayload.seal(fresh.rawRepresentation, to: escrow)
            keys.recordsGeneration = statement.recordsKey.generation
            try transaction.write(keys, to: Accounts.keysDocument)
            ring = keys
        }
        try accounts.adopt(users: updatedUsers, keyRing: ring)
        self.session = accounts.renewed(session)
        resealBackups(from: old, to: freshPublic, generation: statement.recordsKey.generation, keeping: eligible)
    }

    /// One incident sealed again: to the new records key, or, for an allegation, without the
    /// wraps of people no longer eligible (found by their tags) and with its tags sealed anew.
    static func reseal(_ file: inout SealedIncidentFile, from old: Curve25519.KeyAgreement.PrivateKey,
                       to fresh: Curve25519.KeyAgreement.PublicKey, generation: Int, keeping eligible: Set<String>) throws {
        if let sealed = file.sealed {
            file.sealed = try SealedPayload.seal(try sealed.open(with: old), to: fresh)
            file.generation = generation
        }
        if var restricted = file.restricted {
            var kept: [RestrictedSeal.Wrap] = []
            for wrap in restricted.wraps {
                guard let raw = try? wrap.tag.open(with: old) else { continue }  // a tag of no key we know: dropped
                let id = String(decoding: raw, as: UTF8.self)
                guard eligible.contains(id) else { continue }
                kept.append(RestrictedSeal.Wrap(key: wrap.key, tag: try SealedPayload.seal(raw, to: fresh)))
            }
            restricted.wraps = kept
            file.restricted = restricted
        }
    }

    /// The copies of incidents in `backups/` sealed again, and the copies of `users.json` (which
    /// hold everyone's wrapped keys as they were) removed: a restore never brings those back.
    /// Best effort, after the commit: a copy that cannot be read is removed rather than kept.
    func resealBackups(from old: Curve25519.KeyAgreement.PrivateKey, to fresh: Curve25519.KeyAgreement.PublicKey,
                       generation: Int, keeping eligible: Set<String>) {
        let backups = store.directory.appendingPathComponent(StoreMigration.backupsFolder).path
        guard let walker = FileManager.default.enumerator(atPath: backups) else { return }
        let encoder = StoreJSON.makeEncoder()
        let decoder = StoreJSON.makeDecoder()
        while let relative = walker.nextObject() as? String {
            let path = (backups as NSString).appendingPathComponent(relative)
            guard StoreFileIO.isRegularFile(path) else { continue }
            // users.json holds wrapped keys as they were; transfer documents hold details sealed to the old key.
            if relative.hasSuffix("/" + Accounts.usersDocument + ".json") || relative == Accounts.usersDocument + ".json"
                || relative.hasSuffix("/" + TransferKeyDocument.name + ".json") || relative.contains("/" + TransferRecord.folder + "/")
                || relative.contains("/" + SubjectAccessRequestRecord.folder + "/") {
                unlink(path)
                continue
            }
            guard relative.contains("/" + IncidentLog.folder + "/"), relative.hasSuffix(".json") else { continue }
            guard let contents = try? StoreFileIO.readFile(path), case .sealed(var file)? = try? decoder.decode(StoredIncident.self, from: contents.data),
                  (try? Self.reseal(&file, from: old, to: fresh, generation: generation, keeping: eligible)) != nil,
                  var data = try? encoder.encode(StoredIncident.sealed(file)) else {
                unlink(path)
                continue
            }
            data.append(0x0A)
            if let stamped = try? StoreRevision.restamp(data, revision: (try? StoreJSONValidator.validate(contents.data).get())?.revision ?? 0, file: relative) {
                data = stamped
            }
            if (try? StoreFileIO.replaceAtomically(path, with: data)) == nil { unlink(path) }
        }
    }
}
