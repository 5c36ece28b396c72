import CivilTime
import Foundation

/// A signature recorded by mistake (on the wrong pupil, say), voided with a reason. The signature
/// itself stays in its file untouched; this note beside it makes it stop counting, and the history
/// shows it struck through with who voided it, when and why.
public struct AUPSignatureVoid: Codable, Sendable, Hashable {
    /// The voided signature's ``AUPSignature/key`` (unique: the register never records two
    /// signatures of a person in the same second).
    public var signatureKey: String
    public var personID: String
    public var reason: String
    /// When it was voided, UTC.
    public var voidedAt: Date
    public var voidedBy: AuditActor
}

/// `aup/voided-signatures.json`: every void, oldest first (they are few: one per mistake).
struct VoidedSignaturesDocument: Codable {
    var voids: [AUPSignatureVoid]
}

extension AUPSignature {
    /// What names one signature among all others: the person and the moment it was recorded.
    public var key: String { "\(personID) \(StoreJSON.string(from: recordedAt))" }
}

extension AUPRegister {
    /// Reads the voids again (at loading, and when another session has voided one).
    func loadVoids() throws {
        let document = try store.load(VoidedSignaturesDocument.self, from: AUPDocumentName.voids)
        voids = Dictionary((document?.voids ?? []).map { ($0.signatureKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The void of a signature, if it was voided.
    public func void(of signature: AUPSignature) -> AUPSignatureVoid? { voids[signature.key] }

    /// Voids a signature recorded by mistake, with a reason. It stays in the history (struck
    /// through) and the person is due to sign again unless another signature counts.
    @discardableResult
    public func voidSignature(_ signature: AUPSignature, reason: String) throws -> AUPSignatureVoid {
        try workspace.require(.recordSignatures)
        try load()
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw AUPError.noReason }
        guard signatures(of: signature.personID).contains(where: { $0.key == signature.key }) else { throw AUPError.unknownSignature }
        let void = AUPSignatureVoid(signatureKey: signature.key, personID: signature.personID, reason: why,
                                    voidedAt: workspace.now(), voidedBy: workspace.actor)
        let name = person(signature.personID)?.fullName ?? signature.personID
        try store.commit(actor: workspace.actor, action: "aup.void", recordID: signature.personID,
                         summary: "Voided \(name)'s signature of the \(signature.kind.title) (\(signature.versionID)) of \(signature.signedOn): \(why)") { transaction in
            if !transaction.isUnchanged(AUPDocumentName.voids) { try loadVoids() }
            guard voids[signature.key] == nil else { throw AUPError.alreadyVoided }
            let all = voids.values.sorted { ($0.voidedAt, $0.signatureKey) < ($1.voidedAt, $1.signatureKey) } + [void]
            try transaction.write(VoidedSignaturesDocument(voids: all), to: AUPDocumentName.voids)
        }
        voids[signature.key] = void
        return void
    }

    /// The pupils of a class still to sign today: those a whole-class tick would record.
    public func pupilsToTick(inClass name: String) -> [RosterPerson] {
        pupils(inClass: name).filter { $0.isActive(on: today) && !hasSigned($0, today: today) }
    }

    /// Ticks every pupil of a class not yet signed, in one commit with one audit entry (after the
    /// screen has asked, showing ``pupilsToTick(inClass:)``'s count). Returns how many were ticked.
    @discardableResult
    public func tickClass(_ name: String) throws -> Int {
        try workspace.require(.recordSignatures)
        try load()
        guard schoolClass(name) != nil else { throw AUPError.unknownClass(name) }
        let pupils = pupilsToTick(inClass: name)
        guard !pupils.isEmpty else { throw AUPError.noneToTick(name) }
        let signatures = try pupils.map { try newSignature($0, signedOn: today, method: .classList) }
        try store.commit(actor: workspace.actor, action: "aup.sign.class", recordID: nil,
                         summary: "Ticked \(pupils.count) pupils of class \(name) as having signed the \(AUPKind.pupil.title), witnessed by \(workspace.actor.name)") { transaction in
            try stage(signatures, in: transaction)
        }
        signatures.forEach(keep)
        return signatures.count
    }
}
