import Foundation

/// Incidents written out for the local authority or another system: JSON (the records as
/// stored, with their history) or CSV (one row per incident, lists joined with "; ").
public enum IncidentExport {
    public static func incidents(_ records: [IncidentRecord], form: IncidentFormDefinition, format: ExportFormat) throws -> String {
        let ordered = records.sorted { $0.id < $1.id }
        switch format {
        case .json:
            let encoder = StoreJSON.makeEncoder()
            struct Document: Encodable { var incidents: [IncidentRecord] }
            return TerminalText.jsonEscaped(String(decoding: try encoder.encode(Document(incidents: ordered)), as: UTF8.self)) + "\n"
        case .csv:
            func labels(_ ids: [String], _ options: [FormOption]) -> String {
                ids.map { IncidentFormDefinition.label($0, in: options) }.joined(separator: "; ")
            }
            return CSVWriter.document(
                header: ["id", "status", "date_happened", "time", "reporter", "reporter_role", "location", "involved",
                         "types", "other_type", "risk_areas", "description", "access", "material", "considered_as",
                         "staff_actions", "child_actions", "specific_action", "outcome", "follow_ups", "flowchart_walks", "revisions"],
                rows: ordered.map { record in
                    let r = record.report
                    return [record.id, record.status.label, r.occurredOn?.iso8601 ?? "", r.occurredAt?.description ?? "",
                            r.reporterName, r.reporterRole, r.location?.label ?? "",
                            r.involved.map { "\($0.name) (\($0.kind.label))" }.joined(separator: "; "),
                            labels(r.typeIDs, form.incidentTypes), r.otherType, labels(r.riskAreaIDs, form.riskAreas),
                            r.description, r.access?.label ?? "", labels(r.materialUseIDs, form.materialUses),
                            labels(r.consideredAsIDs, form.consideredAs),
                            r.staffActions.map { "\(IncidentFormDefinition.label($0.itemID, in: form.staffActions)) (\($0.by), \($0.on))" }.joined(separator: "; "),
                            r.childActions.map { "\(IncidentFormDefinition.label($0.itemID, in: form.childActions)) (\($0.by), \($0.on))" }.joined(separator: "; "),
                            r.specificAction, r.outcome,
                            record.followUps.map { "\($0.what) (\($0.ownerName), due \($0.due)\($0.doneOn.map { ", done \($0)" } ?? ""))" }.joined(separator: "; "),
                            record.walks.map(\.csvText).joined(separator: " || "),
                            String(record.revisions.count)]
                })
        }
    }
}
