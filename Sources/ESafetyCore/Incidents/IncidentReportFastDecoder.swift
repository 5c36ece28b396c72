import CivilTime
import Foundation

/// The part of ``IncidentRecordFastDecoder`` that reads an ``IncidentReport`` (a record's report
/// and each of its revisions), with the people involved and the actions taken. As
/// `IncidentReport`'s synthesized `Codable` has it, every member is required but the optional
/// ones (`occurredOn`, `occurredAt`, `location`, `allegationAgainstStaff`, `access`), which may
/// also be null: the defaults of its properties are not used when decoding.
enum IncidentReportFastDecoder {
    private enum ReportKey: String, CaseIterable {
        case access, allegationAgainstStaff, childActions, consideredAsIDs, description, identifiedHow, involved,
             location, materialUseIDs, occurredAt, occurredOn, otherType, outcome, reporterName, reporterRole,
             riskAreaIDs, specificAction, staffActions, typeIDs
    }

    private enum PartyKey: String, CaseIterable { case kind, name, personID }
    private enum ActionKey: String, CaseIterable { case by, itemID, on }

    private static let reportKeys = StoreFastJSONReader.Keys(ReportKey.self)
    private static let partyKeys = StoreFastJSONReader.Keys(PartyKey.self)
    private static let actionKeys = StoreFastJSONReader.Keys(ActionKey.self)

    /// One report, read from the reader's position.
    static func report(_ reader: inout StoreFastJSONReader) -> IncidentReport? {
        var occurredOn: CivilDate?
        var occurredAt: ClockTime?
        var reporterName, reporterRole, identifiedHow, otherType, description, specificAction, outcome: String?
        var location: IncidentReport.Location?
        var involved: [InvolvedParty]?
        var allegationAgainstStaff: Bool?
        var typeIDs, riskAreaIDs, materialUseIDs, consideredAsIDs: [String]?
        var access: IncidentReport.Access?
        var staffActions, childActions: [ActionTaken]?
        let read = reader.object(reportKeys) { reader, key in
            switch key {
            case .occurredOn: return reader.readOptional(into: &occurredOn) { $0.civilDate() }
            case .occurredAt: return reader.readOptional(into: &occurredAt) { $0.clockTime() }
            case .reporterName: return reader.read(into: &reporterName) { $0.repeatedString() }
            case .reporterRole: return reader.read(into: &reporterRole) { $0.repeatedString() }
            case .identifiedHow: return reader.read(into: &identifiedHow) { $0.string() }
            case .location: return reader.readOptional(into: &location) { $0.rawValue(IncidentReport.Location.self) }
            case .involved: return reader.read(into: &involved) { $0.array(party) }
            case .allegationAgainstStaff: return reader.readOptional(into: &allegationAgainstStaff) { $0.bool() }
            case .typeIDs: return reader.read(into: &typeIDs, ids)
            case .otherType: return reader.read(into: &otherType) { $0.string() }
            case .riskAreaIDs: return reader.read(into: &riskAreaIDs, ids)
            case .description: return reader.read(into: &description) { $0.string() }
            case .access: return reader.readOptional(into: &access) { $0.rawValue(IncidentReport.Access.self) }
            case .materialUseIDs: return reader.read(into: &materialUseIDs, ids)
            case .consideredAsIDs: return reader.read(into: &consideredAsIDs, ids)
            case .staffActions: return reader.read(into: &staffActions) { $0.array(action) }
            case .childActions: return reader.read(into: &childActions) { $0.array(action) }
            case .specificAction: return reader.read(into: &specificAction) { $0.string() }
            case .outcome: return reader.read(into: &outcome) { $0.string() }
            }
        }
        guard read, let reporterName, let reporterRole, let identifiedHow, let involved, let typeIDs, let otherType,
              let riskAreaIDs, let description, let materialUseIDs, let consideredAsIDs, let staffActions, let childActions,
              let specificAction, let outcome else { return nil }
        var report = IncidentReport()
        report.occurredOn = occurredOn
        report.occurredAt = occurredAt
        report.reporterName = reporterName
        report.reporterRole = reporterRole
        report.identifiedHow = identifiedHow
        report.location = location
        report.involved = involved
        report.allegationAgainstStaff = allegationAgainstStaff
        report.typeIDs = typeIDs
        report.otherType = otherType
        report.riskAreaIDs = riskAreaIDs
        report.description = description
        report.access = access
        report.materialUseIDs = materialUseIDs
        report.consideredAsIDs = consideredAsIDs
        report.staffActions = staffActions
        report.childActions = childActions
        report.specificAction = specificAction
        report.outcome = outcome
        return report
    }

    /// Option ids from the form definition: the same few in every record.
    private static func ids(_ reader: inout StoreFastJSONReader) -> [String]? {
        reader.array { $0.repeatedString() }
    }

    private static func party(_ reader: inout StoreFastJSONReader) -> InvolvedParty? {
        var kind: InvolvedParty.Kind?
        var name, personID: String?
        let read = reader.object(partyKeys) { reader, key in
            switch key {
            case .kind: return reader.read(into: &kind) { $0.rawValue(InvolvedParty.Kind.self) }
            case .name: return reader.read(into: &name) { $0.string() }
            case .personID: return reader.readOptional(into: &personID) { $0.string() }
            }
        }
        guard read, let kind, let name else { return nil }
        return InvolvedParty(kind: kind, name: name, personID: personID)
    }

    private static func action(_ reader: inout StoreFastJSONReader) -> ActionTaken? {
        var itemID, by: String?
        var on: CivilDate?
        let read = reader.object(actionKeys) { reader, key in
            switch key {
            case .itemID: return reader.read(into: &itemID) { $0.repeatedString() }
            case .by: return reader.read(into: &by) { $0.repeatedString() }
            case .on: return reader.read(into: &on) { $0.civilDate() }
            }
        }
        guard read, let itemID, let by, let on else { return nil }
        return ActionTaken(itemID: itemID, by: by, on: on)
    }
}
