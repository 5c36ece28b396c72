import CivilTime
import Crypto
import Foundation

extension Workspace {
    /// Imports a bundle sealed to this school's transfer key: each incident becomes a prior
    /// record here (a new id, read-only, marked with the sending school), the pupil is linked to
    /// the roster pupil of the same name (and date of birth, where both have one), and the
    /// transfer is recorded, in one commit. Returns the transfer, with the receipt code to give
    /// back to the sending school. A bundle imported already is refused, giving the code again.
    @discardableResult
    public func transferIn(bundle data: Data) throws -> TransferSummary {
        try require(.transferRecords)
        guard let session, let recordsKey = session.recordsKey, let authority = try accounts().authority?.current else {
            throw AccessError.noRecordsKey
        }
        let file = try TransferBundleFile.read(data)
        guard let keyDocument = try store.load(TransferKeyDocument.self, from: TransferKeyDocument.name) else { throw TransferError.noTransferKey }
        guard file.recipientKey == keyDocument.publicKey else { throw TransferError.sealedToAnotherKey }
        let contents = try file.open(with: keyDocument.privateKey(with: recordsKey))
        for record in try transferRecords() where record.direction == .in && record.bundleID == contents.bundleID {
            let earlier = try summary(of: record)
            throw TransferError.alreadyImported(ids: earlier.incidentIDs, code: earlier.receiptCode ?? "")
        }
        let pupil = localPupil(for: contents.pupil)
        let log = try incidents()
        let receivedAt = IncidentLog.wholeSecond(now())
        let publicRecordsKey = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: authority.recordsKey.publicKey)
        let (record, details, imported) = try store.commit(actor: actor, action: "transfer.in") { transaction in
            var imported: [IncidentRecord] = []
            for original in contents.records {
                var prior = original
                prior.id = log.allocateID(in: transaction)
                prior.transferredFrom = TransferOrigin(school: contents.sendingSchool, originalID: original.id, bundleID: contents.bundleID,
                                                       sentAt: contents.sentAt, receivedAt: receivedAt)
                prior.report.involved = original.report.involved.map { party in
                    // Ids from the other school mean nothing here: only the pupil is linked, to this roster.
                    let isPupil = party.kind == .child && TextSearch.fold(party.name) == TextSearch.fold(contents.pupil.name)
                    return InvolvedParty(kind: party.kind, name: party.name, personID: isPupil ? pupil?.id : nil)
                }
                try transaction.write(try log.vault.seal(prior), to: IncidentLog.folder + "/" + prior.id)
                imported.append(prior)
            }
            let details = TransferDetails(pupilName: pupil?.fullName ?? contents.pupil.name, pupilID: pupil?.id, otherSchool: contents.sendingSchool,
                                          incidentIDs: imported.map(\.id), receiptCode: contents.receiptCode)
            let record = TransferRecord(id: allocateTransferID(in: transaction), direction: .in, bundleID: contents.bundleID, at: receivedAt,
                                        by: actor, details: try details.seal(to: publicRecordsKey), generation: authority.recordsKey.generation)
            transaction.recordID = record.id
            transaction.summary = "Imported a pupil's child-protection file from another school as transfer \(record.id): "
                + "\(imported.count) prior record\(imported.count == 1 ? "" : "s") (\(imported.map(\.id).joined(separator: ", "))), read-only"
            try transaction.write(record, to: TransferRecord.document(record.id))
            return (record, details, imported)
        }
        imported.forEach(log.didCommit)
        return Self.summary(record, details)
    }

    /// The roster pupil a bundle is about: the same name, and the same date of birth where both
    /// have one (or the same UPN); nil when none, or more than one, matches.
    func localPupil(for pupil: TransferBundleContents.Pupil) -> RosterPerson? {
        try? aup.load()
        let pupils = aup.people(in: .pupil)
        if let upn = pupil.upn, let byUPN = pupils.first(where: { $0.upn == upn }) { return byUPN }
        let matches = pupils.filter { candidate in
            candidate.nameMatches(pupil.name) && (candidate.dateOfBirth == nil || pupil.dateOfBirth == nil || candidate.dateOfBirth == pupil.dateOfBirth)
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Rotation: the transfer key, every transfer's and every subject access request's details
    /// sealed again to the new records key.
    static func resealTransfers(in transaction: StoreTransaction, from old: Curve25519.KeyAgreement.PrivateKey,
                                to fresh: Curve25519.KeyAgreement.PublicKey, generation: Int) throws {
        if var key = try transaction.load(TransferKeyDocument.self, from: TransferKeyDocument.name) {
            key.privateForRecords = try SealedPayload.seal(try key.privateKey(with: old).rawRepresentation, to: fresh)
            key.recordsGeneration = generation
            try transaction.write(key, to: TransferKeyDocument.name)
        }
        for name in transaction.names(in: TransferRecord.folder) {
            guard var record = try transaction.load(TransferRecord.self, from: name) else { continue }
            record.details = try RecordsSealed.reseal(record.details, from: old, to: fresh, document: name)
            record.generation = generation
            try transaction.write(record, to: name)
        }
        for name in transaction.names(in: SubjectAccessRequestRecord.folder) {
            guard var record = try transaction.load(SubjectAccessRequestRecord.self, from: name) else { continue }
            record.details = try RecordsSealed.reseal(record.details, from: old, to: fresh, document: name)
            record.generation = generation
            try transaction.write(record, to: name)
        }
    }
}

extension Workspace {
    /// ``transferOut(pupil:to:deliver:)`` writing the bundle to a file (owner-only), for the app.
    @discardableResult
    public func transferOut(pupil: String, to keyText: String, file path: String) throws -> TransferSummary {
        try transferOut(pupil: pupil, to: keyText) { try ReportOutput.write(String(decoding: $0, as: UTF8.self), to: path) }
    }

    /// ``transferIn(bundle:)`` reading the bundle from a file, for the app.
    @discardableResult
    public func transferIn(file path: String) throws -> TransferSummary {
        guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw TransferError.notABundle("\(path) cannot be read (there is no such file, or it is not readable)")
        }
        return try transferIn(bundle: data)
    }
}
